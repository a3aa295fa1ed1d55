package dev.packs.project;

import dev.packs.project.internal.config.LockCodec;
import dev.packs.project.internal.resolve.LockComparison;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code packs.lock}: per configured target the exact pack version and the SHA-256 of every chosen
 * flash algorithm, so every machine of a lab flashes with the same bytes.
 *
 * @param targets locked targets by name (lower case), sorted
 */
public record LockFile(Map<String, Target> targets) {
  /** The file name, next to {@code packs.yaml}. */
  public static final String FILE_NAME = "packs.lock";

  public LockFile {
    targets = Collections.unmodifiableSortedMap(new TreeMap<>(targets));
  }

  /** The lock for a set of resolved targets. */
  public static LockFile of(Collection<ResolvedTarget> resolved) {
    SortedMap<String, Target> targets = new TreeMap<>();
    for (ResolvedTarget t : resolved) {
      List<Algorithm> algorithms =
          t.flashRegions().stream()
              .filter(r -> r.algorithm().isPresent())
              .map(r -> Algorithm.of(r.start(), r.algorithm().get()))
              .toList();
      targets.put(
          t.target().toLowerCase(Locale.ROOT),
          new Target(t.device() + t.processor().map(p -> ":" + p).orElse(""), t.pack().toString(), algorithms));
    }
    return new LockFile(targets);
  }

  public static LockFile read(Path file) {
    return LockCodec.read(file);
  }

  /** Writes the file atomically, in a stable sorted form that diffs well. */
  public void write(Path file) {
    LockCodec.write(this, file);
  }

  /**
   * What differs between this lock and {@code current}, one sentence each; empty when they match.
   */
  public List<String> differences(LockFile current) {
    return LockComparison.differences(this, current);
  }

  /** One locked target: the device, the exact pack, and the algorithm per flash region. */
  public record Target(String device, String pack, List<Algorithm> algorithms) {
    public Target {
      Objects.requireNonNull(device, "device");
      Objects.requireNonNull(pack, "pack");
      algorithms = List.copyOf(algorithms);
    }
  }

  /**
   * One locked algorithm.
   *
   * @param region the start of the flash region it programs
   * @param origin from the pack or a local override
   * @param file the pack's name for it, or the override path as written
   * @param sha256 the file's SHA-256
   */
  public record Algorithm(long region, ResolvedTarget.Origin origin, String file, String sha256) {
    public Algorithm {
      Objects.requireNonNull(origin, "origin");
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(sha256, "sha256");
    }

    static Algorithm of(long region, ResolvedTarget.Algorithm chosen) {
      return new Algorithm(region, chosen.origin(), chosen.file(), chosen.sha256());
    }
  }
}
