package dev.packs.project;

import dev.packs.cache.PackRoot;
import dev.packs.flm.FlmLoader;
import dev.packs.project.internal.config.ConfigEditor;
import dev.packs.project.internal.config.ConfigLocator;
import dev.packs.project.internal.resolve.AlgorithmFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

/**
 * The changes {@code packs pin} and {@code packs algo use|override|reset} make to the project's
 * {@code packs.yaml}: the nearest one up from the working folder, else a new one in the working
 * folder. Only the lines concerned change; comments and order stay.
 */
public final class ProjectEditor {
  private final Path workingDir;
  private final BiConsumer<ProjectConfig, String> check;

  public ProjectEditor(Path workingDir) {
    this(workingDir, (config, target) -> { });
  }

  private ProjectEditor(Path workingDir, BiConsumer<ProjectConfig, String> check) {
    this.workingDir = workingDir.toAbsolutePath().normalize();
    this.check = check;
  }

  /**
   * An editor that resolves the edited target against {@code root} before writing, so a name the
   * pack does not have, or an override that does not fit its region, is refused and the file stays
   * as it was. A target whose device or pinned pack is not installed yet is still written.
   */
  public ProjectEditor checkedAgainst(PackRoot root) {
    return new ProjectEditor(workingDir, (config, target) -> {
      try {
        new TargetResolver(root, config).resolve(target);
      } catch (ProjectException.UnknownTarget | ProjectException.PackNotInstalled notInstalledYet) {
        // nothing installed to check against; the config is still worth writing
      }
    });
  }

  /** What an edit did: the file written and the target's config as it now reads. */
  public record Edit(Path file, TargetConfig target) {
    public Edit {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(target, "target");
    }
  }

  /** The file edits go to. */
  public Path file() {
    return ConfigLocator.projectFile(workingDir).orElse(workingDir.resolve(ProjectConfig.FILE_NAME));
  }

  /** Pins a target to a pack, e.g. {@code Keil::STM32G4xx_DFP@1.2.0}. */
  public Edit pin(String target, String packId) {
    PackPin pin = PackPin.parse(packId);
    return edit(target, t -> t.withPack(pin));
  }

  /** Chooses one of the pack's algorithms by name for a target. */
  public Edit useAlgorithm(String target, String name) {
    if (name.isBlank()) {
      throw new IllegalArgumentException("algorithm name is empty");
    }
    return edit(target, t -> t.withAlgorithm(name.strip()));
  }

  /**
   * Overrides the algorithm of the target's boot flash region, or of the region starting at {@code
   * region}, with a local {@code .flm}. The file must exist; it is recorded relative to the config
   * file's folder when it lies below it, so the project can move.
   *
   * @throws FlmFormatException when the file is not a usable FLM
   */
  public Edit override(String target, Path flm, Optional<Long> region) {
    Path absolute = workingDir.resolve(flm).toAbsolutePath().normalize();
    if (!AlgorithmFiles.present(absolute)) {
      throw new ProjectException.AlgorithmNotFound("override file " + absolute + " does not exist");
    }
    load(absolute);
    Path base = file().getParent();
    String written = absolute.startsWith(base) ? base.relativize(absolute).toString() : absolute.toString();
    String portable = written.replace('\\', '/');
    return edit(target, t -> t.withFlm(region, portable));
  }

  private static void load(Path file) {
    try (java.io.InputStream in = Files.newInputStream(file)) {
      FlmLoader.load(in, file.toString());
    } catch (IOException e) {
      throw new ProjectException.FileFailure(file, "cannot read", e);
    }
  }

  /** Forgets a target's algorithm choice and overrides; its pin and RAM window stay. */
  public Edit reset(String target) {
    return edit(target, TargetConfig::withoutAlgorithmChoices);
  }

  private Edit edit(String target, UnaryOperator<TargetConfig> change) {
    Path file = file();
    if (target.isBlank()) {
      throw new ProjectException.BadConfig(file, "targets", "a target name must not be empty", null);
    }
    ProjectConfig after = ConfigEditor.update(file, target, change, config -> check.accept(config, target));
    return new Edit(file, after.target(target).orElseThrow());
  }
}
