package dev.packs.flm;

/** Checks for unsigned 32-bit values held in a {@code long}. */
final class U32 {
  static final long LIMIT = 0x1_0000_0000L;

  private U32() {}

  static long check(String what, long value) {
    if (value < 0 || value >= LIMIT) {
      throw new IllegalArgumentException(what + " is not an unsigned 32-bit value: " + value);
    }
    return value;
  }

  /** For an end address, which may be exactly 2^32. */
  static long checkEnd(String what, long value) {
    if (value < 0 || value > LIMIT) {
      throw new IllegalArgumentException(what + " is beyond the 32-bit address space: " + value);
    }
    return value;
  }
}
