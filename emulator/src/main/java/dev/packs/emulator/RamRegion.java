package dev.packs.emulator;

/** A RAM region of the emulated device. */
public record RamRegion(long start, long size) {
  public RamRegion {
    Regions.check(start, size);
  }
}
