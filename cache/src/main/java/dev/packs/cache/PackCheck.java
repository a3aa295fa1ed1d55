package dev.packs.cache;

import java.util.List;
import java.util.Objects;

/**
 * The result of verifying one installed pack against its install record and any cpackget
 * {@code .sha256.checksum} file.
 *
 * @param pack the pack checked
 * @param status the verdict
 * @param problems one line per file that is missing or differs, naming the file
 */
public record PackCheck(InstalledPack pack, Status status, List<String> problems) {
  /** The verdict on one pack. */
  public enum Status {
    OK,
    /** A file is missing or its SHA-256 differs from the record. */
    MODIFIED,
    /** The pack was not installed by packs and has no checksum file; nothing to compare against. */
    NO_RECORD
  }

  public PackCheck {
    Objects.requireNonNull(pack, "pack");
    Objects.requireNonNull(status, "status");
    problems = List.copyOf(problems);
  }
}
