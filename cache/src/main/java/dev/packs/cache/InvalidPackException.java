package dev.packs.cache;

import java.util.Objects;
import java.util.Optional;

/** A pack archive or descriptor failed verification; names the source and, when known, the zip entry. */
public final class InvalidPackException extends CacheException {
  /** What verification found. */
  public enum Problem {
    NOT_A_ZIP,
    UNSAFE_ENTRY,
    SYMLINK,
    TOO_LARGE,
    SUSPICIOUS_RATIO,
    NO_DESCRIPTOR,
    MULTIPLE_DESCRIPTORS,
    DESCRIPTOR_MISMATCH,
    BAD_DESCRIPTOR,
    CHECKSUM_MISMATCH,
    /** A path segment longer than file systems allow (255 bytes). */
    NAME_TOO_LONG,
    /** Two entries would be the same file, or one name is both a file and a folder. */
    CONFLICTING_ENTRIES,
    /** An entry inflates to more bytes than the archive declares for it. */
    LARGER_THAN_DECLARED
  }

  private final String source;
  private final Optional<String> entry;
  private final Problem problem;

  public InvalidPackException(String source, Optional<String> entry, Problem problem, String detail) {
    super(
        "invalid pack "
            + source
            + entry.map(e -> " entry '" + e + "'").orElse("")
            + ": "
            + problem.name().toLowerCase().replace('_', ' ')
            + (detail.isEmpty() ? "" : " (" + detail + ")"),
        null);
    this.source = Objects.requireNonNull(source, "source");
    this.entry = Objects.requireNonNull(entry, "entry");
    this.problem = Objects.requireNonNull(problem, "problem");
  }

  /** The file or URL the pack came from. */
  public String source() {
    return source;
  }

  public Optional<String> entry() {
    return entry;
  }

  public Problem problem() {
    return problem;
  }
}
