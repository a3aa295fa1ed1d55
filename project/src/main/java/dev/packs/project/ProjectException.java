package dev.packs.project;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The root of every failure of the project module: why a project's targets could not be configured,
 * resolved or locked. Each subclass carries the facts: the file and field, the target, the candidates
 * to choose from, the differences found.
 */
public abstract sealed class ProjectException extends RuntimeException {
  private ProjectException(String message, Throwable cause) {
    super(message, cause);
  }

  /** A {@code packs.yaml} or {@code packs.lock} that cannot be read: names the file and field. */
  public static final class BadConfig extends ProjectException {
    private final Path file;
    private final String field;

    public BadConfig(Path file, String field, String problem, Throwable cause) {
      super(file + ": " + (field.isEmpty() ? "" : field + ": ") + problem, cause);
      this.file = Objects.requireNonNull(file, "file");
      this.field = Objects.requireNonNull(field, "field");
    }

    public Path file() {
      return file;
    }

    /** The dotted path of the offending field, e.g. {@code targets.stm32g431kbtx.ram.size}. */
    public String field() {
      return field;
    }
  }

  /** A textual edit of {@code packs.yaml} could not be made without losing the file's layout. */
  public static final class CannotEdit extends ProjectException {
    private final Path file;

    public CannotEdit(Path file, String problem) {
      super(file + ": cannot edit: " + problem, null);
      this.file = file;
    }

    public Path file() {
      return file;
    }
  }

  /** No installed device matches a target name. */
  public static final class UnknownTarget extends ProjectException {
    private final String target;

    public UnknownTarget(String target, String detail) {
      super("no installed device matches target '" + target + "'" + detail, null);
      this.target = target;
    }

    public String target() {
      return target;
    }
  }

  /** A target name matches several different devices. */
  public static final class AmbiguousTarget extends ProjectException {
    private final List<String> candidates;

    public AmbiguousTarget(String target, List<String> candidates) {
      super(
          "target '" + target + "' matches several devices: " + String.join(", ", candidates)
              + "; use the full device name",
          null);
      this.candidates = List.copyOf(candidates);
    }

    public List<String> candidates() {
      return candidates;
    }
  }

  /** A pinned pack, or any pack for the target, is not installed. */
  public static final class PackNotInstalled extends ProjectException {
    private final String pack;

    public PackNotInstalled(String pack, String detail) {
      super("pack " + pack + " is not installed" + detail, null);
      this.pack = pack;
    }

    public String pack() {
      return pack;
    }
  }

  /** An algorithm named in the config, or a file a pack or override refers to, does not exist. */
  public static final class AlgorithmNotFound extends ProjectException {
    public AlgorithmNotFound(String message) {
      super(message, null);
    }
  }

  /** A local override that does not cover the flash region it is configured for. */
  public static final class OverrideMismatch extends ProjectException {
    public OverrideMismatch(String message) {
      super(message, null);
    }
  }

  /** Several algorithms cover one flash region and nothing says which one to use. */
  public static final class AmbiguousAlgorithm extends ProjectException {
    private final long regionStart;
    private final List<String> candidates;

    public AmbiguousAlgorithm(String target, long regionStart, List<String> candidates) {
      super(
          String.format(
              "target %s: %d algorithms cover the flash region at 0x%08X: %s; choose one with"
                  + " 'packs algo use %s NAME' or 'packs algo override %s FILE.flm --region 0x%08X'",
              target, candidates.size(), regionStart, String.join(", ", candidates), target,
              target, regionStart),
          null);
      this.regionStart = regionStart;
      this.candidates = List.copyOf(candidates);
    }

    public long regionStart() {
      return regionStart;
    }

    public List<String> candidates() {
      return candidates;
    }
  }

  /** {@code packs resolve --locked} found the lock file out of date; lists every difference. */
  public static final class LockMismatch extends ProjectException {
    private final List<String> differences;

    public LockMismatch(Path lockFile, List<String> differences) {
      super(
          lockFile + " does not match the project (run 'packs resolve' to update it):\n  "
              + String.join("\n  ", differences),
          null);
      this.differences = List.copyOf(differences);
    }

    public List<String> differences() {
      return differences;
    }
  }

  /** An I/O failure while reading or writing a project file or an algorithm file. */
  public static final class FileFailure extends ProjectException {
    private final Path file;

    public FileFailure(Path file, String what, Throwable cause) {
      super(what + " " + file + ": " + cause.getMessage(), cause);
      this.file = file;
    }

    public Path file() {
      return file;
    }
  }
}
