package dev.packs.emulator.internal.cpu;

import dev.packs.emulator.EmulatorException;

/**
 * Thrown by a {@link Bus} for an access it cannot serve: unmapped memory, a write to read-only
 * memory, or an access size a peripheral does not support. The CPU turns it into a typed fault that
 * also names the PC, and {@code Emulator} turns a refused debug access into a {@code
 * MemoryAccessException}; should one escape anyway, it is still an {@link EmulatorException}.
 */
public final class BusFault extends EmulatorException {
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
        detail == null || detail.isEmpty() ? "" : " (" + detail + ")"), null);
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
