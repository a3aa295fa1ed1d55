package dev.packs.emulator.internal.flash;

import dev.packs.emulator.internal.cpu.BusFault;

/**
 * The option-key rule the STM32 FLASH_OPTKEYR shares across the F4, page-erase and L5 models:
 * OPTKEY1 then OPTKEY2 unlocks the option registers; any other write starts the sequence over and
 * faults. Where the family asks it, OPTKEY2 counts only while CR is unlocked.
 */
final class Stm32OptionKeys {
  static final int OPTKEY1 = 0x0819_2A3B;
  static final int OPTKEY2 = 0x4C5D_6E7F;
  private boolean key1Seen;

  void reset() {
    key1Seen = false;
  }

  /**
   * Takes a write of {@code value} to OPTKEYR at {@code address}: true when it completes the
   * sequence while {@code allowed}, false after OPTKEY1; otherwise a bus fault whose message ends
   * with {@code why}.
   */
  boolean unlocks(int value, boolean allowed, int address, String why) {
    if (!key1Seen && value == OPTKEY1) {
      key1Seen = true;
      return false;
    }
    boolean unlocks = key1Seen && value == OPTKEY2 && allowed;
    key1Seen = false;
    if (unlocks) {
      return true;
    }
    throw new BusFault(BusFault.Kind.READ_ONLY, address, true,
        String.format("wrong FLASH_OPTKEYR sequence (0x%08X)%s", value, why));
  }
}
