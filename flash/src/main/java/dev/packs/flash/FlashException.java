package dev.packs.flash;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The root of every failure of the flash engine. Messages read like pyOCD's, which users liked: {@code
 * flash erase sector failure (address 0x08010000; result code 0x1)}. Addresses print as {@code 0x%08X}.
 */
public abstract sealed class FlashException extends Exception {
  private FlashException(String message, Throwable cause) {
    super(message, cause);
  }

  /** An image file cannot be read: names the file and the line (hex, srec) or segment (ELF). */
  public static final class BadImage extends FlashException {
    private final Path file;

    public BadImage(Path file, String where, String detail) {
      super(file + (where.isEmpty() ? "" : ":" + where) + ": " + detail, null);
      this.file = Objects.requireNonNull(file, "file");
    }

    public Path file() {
      return file;
    }
  }

  /** Image data falls outside every flash region, or the request cannot be planned; nothing was written. */
  public static final class BadPlan extends FlashException {
    public BadPlan(String detail) {
      super(detail, null);
    }
  }

  /** A flash-algorithm function returned non-zero, faulted or did not return in time. */
  public static final class AlgorithmFailed extends FlashException {
    private final String function;
    private final long address;
    private final Optional<String> diagnosis;

    public AlgorithmFailed(String function, long address, String message) {
      this(function, address, message, Optional.empty());
    }

    /** With {@code diagnosis}: why the call faulted or hung, when the target could tell. */
    public AlgorithmFailed(String function, long address, String message, Optional<String> diagnosis) {
      super(message, null);
      this.function = Objects.requireNonNull(function, "function");
      this.address = address;
      this.diagnosis = Objects.requireNonNull(diagnosis, "diagnosis");
    }

    /** Why the call faulted or hung, in the target's words (the emulator names what was polled). */
    public Optional<String> diagnosis() {
      return diagnosis;
    }

    public String function() {
      return function;
    }

    public long address() {
      return address;
    }
  }

  /** Read-back after programming differs from the image. */
  public static final class VerifyFailed extends FlashException {
    private final long address;

    public VerifyFailed(long address, int expected, int actual) {
      super(String.format("verify failed at 0x%08X: wrote 0x%02X, read 0x%02X", address, expected, actual), null);
      this.address = address;
    }

    public long address() {
      return address;
    }
  }
}
