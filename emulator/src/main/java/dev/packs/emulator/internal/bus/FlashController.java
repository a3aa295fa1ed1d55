package dev.packs.emulator.internal.bus;

import java.util.List;

/**
 * A flash-controller model: a peripheral that also decides what a CPU write into one of its flash
 * arrays does (program, refuse, flag an error). Reads of an array never reach the controller, except
 * for arrays mapped through {@link MemoryBus.Builder#commandMapped} (NOR chips in command mode).
 */
public interface FlashController extends Peripheral {
  /** The arrays this controller programs and erases: main flash first, then OTP or option bytes. */
  List<FlashArray> arrays();

  /** A CPU write of {@code size} bytes at {@code offset} into {@code array}. */
  void writeArray(FlashArray array, int offset, int size, int value);

  /**
   * A CPU write at the bus {@code address}, which is {@code offset} into {@code array}; models
   * whose arrays have aliases with different rules (secure and non-secure) override this.
   */
  default void writeArrayAt(int address, FlashArray array, int offset, int size, int value) {
    writeArray(array, offset, size, value);
  }
}
