package dev.packs.project.internal.config;

import dev.packs.project.ProjectConfig;
import dev.packs.project.ProjectException;
import dev.packs.project.TargetConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Changes one target of {@code packs.yaml} by editing only the lines that must change, then reads
 * the result back and checks it says exactly what was asked before writing it atomically.
 */
public final class ConfigEditor {
  private ConfigEditor() {}

  /**
   * Applies {@code change} to the config of {@code target} (created if absent) in {@code file}
   * (created if absent) and returns the new config.
   */
  public static ProjectConfig update(Path file, String target, UnaryOperator<TargetConfig> change) {
    return update(file, target, change, config -> { });
  }

  /** As above; {@code check} sees the new config before it is written and may refuse it by throwing. */
  public static ProjectConfig update(
      Path file, String target, UnaryOperator<TargetConfig> change, Consumer<ProjectConfig> check) {
    String text = readOrEmpty(file);
    ProjectConfig before = ConfigReader.parse(text, file);
    TargetConfig old = before.target(target).orElse(TargetConfig.empty(target));
    TargetConfig wanted = rename(change.apply(old), old.name());
    YamlDocument doc = YamlDocument.parse(text);
    try {
      new Edits(doc, List.of("targets", old.name())).apply(old, wanted);
    } catch (IllegalStateException e) {
      throw new ProjectException.CannotEdit(file, e.getMessage());
    }
    String edited = doc.text();
    ProjectConfig after = ConfigReader.parse(edited, file);
    SortedMap<String, TargetConfig> expected = new TreeMap<>(before.targets());
    expected.put(old.name(), wanted);
    if (!after.targets().equals(expected)) {
      throw new ProjectException.CannotEdit(
          file, "the edited file would not read back as intended; edit it by hand");
    }
    check.accept(after);
    write(file, edited);
    return after;
  }

  private static TargetConfig rename(TargetConfig t, String name) {
    return new TargetConfig(name, t.pack(), t.algorithm(), t.defaultFlm(), t.regionFlm(), t.ram());
  }

  private static String readOrEmpty(Path file) {
    try {
      return Files.isRegularFile(file) ? ConfigText.read(file) : "";
    } catch (IOException e) {
      throw new ProjectException.FileFailure(file, "cannot read", e);
    }
  }

  /** The line edits that turn one target's config into another. */
  private record Edits(YamlDocument doc, List<String> at) {
    void apply(TargetConfig old, TargetConfig wanted) {
      if (!doc.contains(at)) {
        doc.set(at, "");
      }
      scalar("pack", old.pack().map(Object::toString), wanted.pack().map(Object::toString));
      scalar("algorithm", old.algorithm(), wanted.algorithm());
      if (!old.defaultFlm().equals(wanted.defaultFlm()) || !old.regionFlm().equals(wanted.regionFlm())) {
        flm(old, wanted);
      }
      if (!old.ram().equals(wanted.ram())) {
        doc.remove(path("ram"));
        wanted.ram().ifPresent(r -> {
          doc.set(path("ram", "start"), Numbers.hex(r.start()));
          doc.set(path("ram", "size"), Numbers.hex(r.size()));
        });
      }
    }

    private void scalar(String key, Optional<String> old, Optional<String> wanted) {
      if (old.equals(wanted)) {
        return;
      }
      if (wanted.isPresent()) {
        doc.set(path(key), YamlLine.scalar(wanted.get()));
      } else {
        doc.remove(path(key));
      }
    }

    private void flm(TargetConfig old, TargetConfig wanted) {
      boolean inline = doc.hasInlineValue(path("flm"));
      if (wanted.regionFlm().isEmpty() && (inline || !doc.contains(path("flm")))) {
        scalar("flm", old.defaultFlm(), wanted.defaultFlm());
        return;
      }
      if (inline) {
        doc.remove(path("flm"));
        old = old.withoutAlgorithmChoices();
      }
      mapEntry("default", old.defaultFlm(), wanted.defaultFlm());
      for (Map.Entry<Long, String> e : old.regionFlm().entrySet()) {
        if (!wanted.regionFlm().containsKey(e.getKey())) {
          doc.remove(path("flm", Numbers.hex(e.getKey())));
        }
      }
      for (Map.Entry<Long, String> e : wanted.regionFlm().entrySet()) {
        mapEntry(Numbers.hex(e.getKey()), Optional.ofNullable(old.regionFlm().get(e.getKey())), Optional.of(e.getValue()));
      }
      if (wanted.defaultFlm().isEmpty() && wanted.regionFlm().isEmpty()) {
        doc.remove(path("flm"));
      }
    }

    private void mapEntry(String key, Optional<String> old, Optional<String> wanted) {
      if (Objects.equals(old, wanted)) {
        return;
      }
      if (wanted.isPresent()) {
        doc.set(path("flm", key), YamlLine.scalar(wanted.get()));
      } else {
        doc.remove(path("flm", key));
      }
    }

    private List<String> path(String... keys) {
      return java.util.stream.Stream.concat(at.stream(), java.util.Arrays.stream(keys)).toList();
    }
  }

  private static void write(Path file, String text) {
    try {
      dev.packs.cache.AtomicFiles.writeString(file.toAbsolutePath(), text);
    } catch (dev.packs.cache.CacheIoException e) {
      throw new ProjectException.FileFailure(file, "cannot write", e);
    }
  }
}
