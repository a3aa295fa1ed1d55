package dev.packs.flm;

/**
 * The RAM an algorithm may use: from the pack's {@code RAMstart}/{@code RAMsize}, or else the device's
 * default read-write-execute RAM.
 */
public record RamWindow(long start, long size) {
  public RamWindow {
    U32.check("start", start);
    U32.check("size", size);
    U32.checkEnd("end", start + size);
    if (size == 0) {
      throw new IllegalArgumentException("a RAM window needs at least one byte");
    }
  }

  public long end() {
    return start + size;
  }

  @Override
  public String toString() {
    return String.format("RAM 0x%08X..0x%08X (%d bytes)", start, end(), size);
  }
}
