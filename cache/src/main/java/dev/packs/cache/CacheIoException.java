package dev.packs.cache;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Reading or writing the pack root failed; names the path and, where the operating system said so,
 * what failed: the disk is full, or a name is too long for the file system.
 */
public final class CacheIoException extends CacheException {
  /** What the operating system reported. */
  public enum Reason {
    /** No space left on the device (or the quota is used up). */
    DISK_FULL,
    /** A file or folder name is longer than the file system allows. */
    NAME_TOO_LONG,
    /** Any other I/O error; the message carries the system's words. */
    IO
  }

  private final Path path;
  private final Reason reason;

  public CacheIoException(Path path, IOException cause) {
    this(path, reasonOf(cause), cause);
  }

  private CacheIoException(Path path, Reason reason, IOException cause) {
    super(message(path, reason, cause), cause);
    this.path = Objects.requireNonNull(path, "path");
    this.reason = reason;
  }

  private static String message(Path path, Reason reason, IOException cause) {
    return switch (reason) {
      case DISK_FULL -> "disk full: no space left to write " + path + " (" + cause.getMessage() + ")";
      case NAME_TOO_LONG -> "name too long for the file system: " + path;
      case IO -> "I/O error on " + path + ": " + cause;
    };
  }

  /**
   * Java has no exception type for these; the operating system's message is the only sign (Linux and
   * macOS say "No space left on device" and "File name too long", Windows "not enough space on the
   * disk" and "file name is too long").
   */
  static Reason reasonOf(IOException cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      String text = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      if (text.contains("no space left on device") || text.contains("disk quota exceeded")
          || text.contains("not enough space on the disk")) {
        return Reason.DISK_FULL;
      }
      if (text.contains("file name too long") || text.contains("file name is too long")
          || text.contains("filename or extension is too long")) {
        return Reason.NAME_TOO_LONG;
      }
    }
    return Reason.IO;
  }

  public Path path() {
    return path;
  }

  public Reason reason() {
    return reason;
  }
}
