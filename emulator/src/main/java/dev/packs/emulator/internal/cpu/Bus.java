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
}
