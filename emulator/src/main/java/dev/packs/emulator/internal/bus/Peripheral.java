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
}
