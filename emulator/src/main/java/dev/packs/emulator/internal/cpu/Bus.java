package dev.packs.emulator.internal.cpu;

/**
 * What the CPU sees of memory. Accesses are little-endian; {@code size} is 1, 2 or 4 bytes and reads
 * return the value zero-extended. An access the bus cannot serve throws {@link BusFault}.
 */
public interface Bus {
  int read(int address, int size);

  void write(int address, int size, int value);

  /** An instruction fetch of one halfword; a bus may serve it faster than a data read. */
  default int fetch16(int address) {
    return read(address, 2);
  }

  /**
   * Plain memory the CPU may read (and, when {@code writable}, write) directly: {@code bytes}
   * hold the little-endian contents from {@code base} on. Only memory with no side effects
   * qualifies (RAM, and flash for reads); a bus that must see every access returns null.
   */
  record Window(int base, byte[] bytes, boolean writable) {}

  /** The window holding {@code address}, or null when every access must come through the bus. */
  default Window window(int address) {
    return null;
  }
}
