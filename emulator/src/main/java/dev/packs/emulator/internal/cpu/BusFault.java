package dev.packs.emulator.internal.cpu;

/**
 * Thrown by a {@link Bus} for an access it cannot serve: unmapped memory, a write to read-only
 * memory, or an access size a peripheral does not support. The CPU turns it into a typed fault that
 * also names the PC.
 */
public final class BusFault extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why the access failed. */
  public enum Kind {
    UNMAPPED,
    READ_ONLY,
    BAD_SIZE
  }

  private final Kind kind;
  private final int address;
  private final boolean write;

  public BusFault(Kind kind, int address, boolean write, String detail) {
    super(String.format("%s %s at 0x%08X%s", write ? "write" : "read", describe(kind), address,
        detail == null || detail.isEmpty() ? "" : " (" + detail + ")"));
    this.kind = kind;
    this.address = address;
    this.write = write;
  }

  private static String describe(Kind kind) {
    return switch (kind) {
      case UNMAPPED -> "of unmapped memory";
      case READ_ONLY -> "to read-only memory";
      case BAD_SIZE -> "of unsupported size";
    };
  }

  public Kind kind() {
    return kind;
  }

  public int address() {
    return address;
  }

  public boolean isWrite() {
    return write;
  }
}
