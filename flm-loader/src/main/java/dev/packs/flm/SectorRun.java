package dev.packs.flm;

/**
 * A run of equal-sized sectors with absolute addresses, one per entry of the FLM's sector list.
 *
 * @param start address of the first sector of the run
 * @param size size of each sector in the run
 * @param end first address past the run: the next run's start, or the end of the device
 */
public record SectorRun(long start, long size, long end) {
  public SectorRun {
    U32.check("start", start);
    U32.check("size", size);
    U32.checkEnd("end", end);
    if (size == 0 || end <= start) {
      throw new IllegalArgumentException(
          String.format("empty sector run 0x%08X..0x%08X (sector size 0x%X)", start, end, size));
    }
  }

  /** The number of whole or partial sectors in the run. */
  public long count() {
    return (end - start + size - 1) / size;
  }

  public boolean contains(long address) {
    return address >= start && address < end;
  }
}
