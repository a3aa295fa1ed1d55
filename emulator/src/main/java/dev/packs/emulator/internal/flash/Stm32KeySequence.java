package dev.packs.emulator.internal.flash;

/**
 * The unlock rule every STM32 FLASH_KEYR shares: KEY1 then KEY2 clears CR's LOCK bit; any other
 * write sets LOCK and refuses every later key until reset. Some families accept the keys only while
 * CR reads locked; the others take them at any time. The model raises the bus fault itself, so
 * that the message names its own registers.
 */
final class Stm32KeySequence {
  static final int KEY1 = 0x4567_0123;
  static final int KEY2 = 0xCDEF_89AB;
  private final int lockBit;
  private final boolean onlyWhileLocked;
  private boolean key1Seen;
  private boolean refused;

  Stm32KeySequence(int lockBit, boolean onlyWhileLocked) {
    this.lockBit = lockBit;
    this.onlyWhileLocked = onlyWhileLocked;
  }

  void reset() {
    key1Seen = false;
    refused = false;
  }

  /** True once a wrong key was written: CR stays locked, and each later key write faults. */
  boolean refused() {
    return refused;
  }

  /** Returns CR after {@code value} was written to KEYR; check {@link #refused()} afterwards. */
  int write(int cr, int value) {
    boolean accepting = !refused && (!onlyWhileLocked || (cr & lockBit) != 0);
    if (accepting && !key1Seen && value == KEY1) {
      key1Seen = true;
      return cr;
    }
    if (accepting && key1Seen && value == KEY2) {
      key1Seen = false;
      return cr & ~lockBit;
    }
    refused = true;
    return cr | lockBit;
  }
}
