package dev.packs.emulator.internal.bus;

/** What the bus reports while the CPU runs. Methods default to doing nothing. */
public interface BusObserver {
  BusObserver NONE = new BusObserver() {};

  /** The CPU wrote a peripheral register. */
  default void peripheralWrite(Peripheral peripheral, int address, int size, int value) {}

  /** In permissive mode: an access to unmapped memory was served as zero or ignored. */
  default void unmappedAccess(int address, int size, boolean write) {}

  /** In permissive mode: the value of a write to unmapped memory, reported after unmappedAccess. */
  default void unmappedWrite(int address, int size, int value) {}
}
