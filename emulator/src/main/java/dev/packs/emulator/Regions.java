package dev.packs.emulator;

/** Validation shared by the region records. */
final class Regions {
  private Regions() {}

  static void check(long start, long size) {
    if (start < 0 || start > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("not a 32-bit address: " + start);
    }
    if (size <= 0 || size > Integer.MAX_VALUE - 8 || start + size > 0x1_0000_0000L) {
      throw new IllegalArgumentException(
          String.format("bad region size 0x%X at 0x%08X", size, start));
    }
  }
}
