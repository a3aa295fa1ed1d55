package dev.packs.project;

import dev.packs.project.internal.config.ConfigEditor;
import dev.packs.project.internal.config.ConfigReader;
import dev.packs.project.internal.config.ConfigLocator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * A project's {@code packs.yaml}: per target a pack pin, an algorithm choice, local {@code .flm}
 * overrides and a RAM window.
 *
 * @param file where the config was read from; empty when no config file exists
 * @param targets the configured targets by name, sorted
 */
public record ProjectConfig(Optional<Path> file, Map<String, TargetConfig> targets) {
  /** The file name looked for in the working folder and its parents. */
  public static final String FILE_NAME = "packs.yaml";

  public ProjectConfig {
    Objects.requireNonNull(file, "file");
    targets = Collections.unmodifiableSortedMap(new TreeMap<>(targets));
    for (Map.Entry<String, TargetConfig> e : targets.entrySet()) {
      if (!e.getKey().equals(e.getValue().name())) {
        throw new IllegalArgumentException("target key " + e.getKey() + " differs from its name");
      }
    }
  }

  /** A project without a config file. */
  public static ProjectConfig none() {
    return new ProjectConfig(Optional.empty(), new TreeMap<>());
  }

  /**
   * Finds and reads the config: {@code packs.yaml} in {@code workingDir} or the nearest parent,
   * else the user-level {@code $XDG_CONFIG_HOME/packs/packs.yaml} (or {@code
   * ~/.config/packs/packs.yaml}), else none.
   *
   * @throws ProjectException.BadConfig naming the file and field when the file is malformed
   */
  public static ProjectConfig locate(Path workingDir, Map<String, String> env, Path home) {
    return ConfigLocator.find(workingDir, env, home).map(ProjectConfig::read).orElseGet(ProjectConfig::none);
  }

  /** Reads one config file. */
  public static ProjectConfig read(Path file) {
    return ConfigReader.read(file);
  }

  /**
   * Changes one target in a config file by editing only the lines concerned, so comments and order
   * survive, and returns the file's new config. The file and the target are created when absent.
   *
   * @throws ProjectException.CannotEdit when the file's layout does not allow a safe textual edit
   */
  public static ProjectConfig update(Path file, String target, UnaryOperator<TargetConfig> change) {
    return ConfigEditor.update(file, target, change);
  }

  /** The folder relative override paths are resolved against. */
  public Optional<Path> baseDir() {
    return file.map(f -> f.toAbsolutePath().getParent());
  }

  /** The config of a target, matched without regard to case. */
  public Optional<TargetConfig> target(String name) {
    TargetConfig exact = targets.get(name);
    if (exact != null) {
      return Optional.of(exact);
    }
    String lower = name.toLowerCase(Locale.ROOT);
    return targets.values().stream()
        .filter(t -> t.name().toLowerCase(Locale.ROOT).equals(lower))
        .findFirst();
  }

  /** The configured target names, sorted. */
  public List<String> targetNames() {
    return new ArrayList<>(targets.keySet());
  }
}
