package dev.packs.emulator;

/** A range of target addresses: where it starts and how many bytes it spans. */
public record MemoryRange(long start, long size) {
  public MemoryRange {
    Regions.check(start, size);
  }

  public long end() {
    return start + size;
  }

  @Override
  public String toString() {
    return String.format("0x%08X..0x%08X (0x%X bytes)", start, start + size, size);
  }
}
