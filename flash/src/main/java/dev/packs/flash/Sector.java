package dev.packs.flash;

/** One erasable sector of flash: {@code [start, start + size)}, unsigned 32-bit addresses. */
public record Sector(long start, long size) {
  public Sector {
    if (start < 0 || size <= 0 || start + size > 0x1_0000_0000L) {
      throw new IllegalArgumentException(String.format("bad sector 0x%X+0x%X", start, size));
    }
  }

  public long end() {
    return start + size;
  }

  public boolean contains(long address) {
    return address >= start && address < end();
  }

  @Override
  public String toString() {
    return String.format("0x%08X..0x%08X", start, end() - 1);
  }
}
