package dev.packs.emulator;

/** What the emulator reports while the CPU runs. Every method does nothing by default. */
public interface EmulatorListener {
  /**
   * The CPU wrote a peripheral register; in permissive mode also any write to unmapped memory, with
   * no register name.
   */
  default void peripheralWrite(PeripheralWrite write) {}

  /** In permissive mode, the CPU touched unmapped memory: a read returned 0 or a write was dropped. */
  default void unmappedAccess(long address, int size, boolean write) {}
}
