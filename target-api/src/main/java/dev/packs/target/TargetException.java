package dev.packs.target;

/** The root of every failure a {@link Target} reports. */
public abstract sealed class TargetException extends RuntimeException
    permits MemoryAccessException, TargetStateException {
  private static final long serialVersionUID = 1L;

  TargetException(String message, Throwable cause) {
    super(message, cause);
  }
}
