package dev.packs.emulator.internal.bus;

import java.util.Optional;

/**
 * A memory-mapped device model at a fixed base address. Offsets are relative to {@link #base()}. A
 * model refuses an access it does not support by throwing a {@code BusFault} that names the
 * absolute address.
 */
public interface Peripheral {
  /** A short name for logs, for example {@code FLASH} or {@code NVMC}. */
  String name();

  int base();

  /** The size in bytes of the address window the model occupies. */
  int size();

  int read(int offset, int size);

  void write(int offset, int size, int value);

  /** The name of the register at {@code offset}, when the model knows it. */
  Optional<String> registerName(int offset);

  /** Returns the model to its reset state. */
  default void reset() {}

  /** The bytes of register {@code word} that a read of {@code size} bytes at {@code offset} returns. */
  static int narrow(int word, int offset, int size) {
    int shifted = word >>> (8 * (offset & 3));
    return size == 4 ? shifted : shifted & ((1 << (8 * size)) - 1);
  }

  /**
   * The register {@code old} after a write of {@code size} bytes of {@code value} at {@code offset}:
   * only the bytes written, and of those only the bits in {@code writable}, change.
   */
  static int merge(int old, int offset, int size, int value, int writable) {
    int shift = 8 * (offset & 3);
    int mask = ((size == 4 ? -1 : (1 << (8 * size)) - 1) << shift) & writable;
    return (old & ~mask) | ((value << shift) & mask);
  }
}
