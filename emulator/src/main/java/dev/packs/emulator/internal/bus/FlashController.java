package dev.packs.emulator.internal.bus;

/**
 * A flash-controller model: a peripheral that also decides what a CPU write into its flash array
 * does (program, refuse, flag an error). Reads of the array never reach the controller.
 */
public interface FlashController extends Peripheral {
  /** The array this controller programs and erases. */
  FlashArray array();

  /** A CPU write of {@code size} bytes at {@code offset} into the array. */
  void writeArray(int offset, int size, int value);

  /** The smallest unit the controller programs in one go, in bytes. */
  int programUnit();
}
