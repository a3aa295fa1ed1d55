package dev.packs.emulator;

import java.util.List;

/**
 * A flash array of the emulated device: where it is, how big, the value of an erased byte, and its
 * sectors as FlashDevice-style runs (sectors of one size from an offset up to the next run).
 */
public record FlashRegion(long start, long size, int erasedValue, List<SectorRun> sectors) {
  /** Sectors of {@code sectorSize} bytes from {@code offset} (relative to the region) onwards. */
  public record SectorRun(long offset, long sectorSize) {
    public SectorRun {
      if (offset < 0 || sectorSize <= 0) {
        throw new IllegalArgumentException("bad sector run " + offset + "/" + sectorSize);
      }
    }
  }

  public FlashRegion {
    Regions.check(start, size);
    if (erasedValue < 0 || erasedValue > 0xFF) {
      throw new IllegalArgumentException("erased value is not a byte: " + erasedValue);
    }
    sectors = List.copyOf(sectors);
    if (sectors.isEmpty() || sectors.get(0).offset() != 0) {
      throw new IllegalArgumentException("the first sector run must start at offset 0");
    }
    for (int i = 1; i < sectors.size(); i++) {
      if (sectors.get(i).offset() <= sectors.get(i - 1).offset()
          || sectors.get(i).offset() >= size) {
        throw new IllegalArgumentException("sector runs must ascend inside the region");
      }
    }
  }

  /** A region of equal sectors. */
  public static FlashRegion uniform(long start, long size, int erasedValue, long sectorSize) {
    return new FlashRegion(start, size, erasedValue, List.of(new SectorRun(0, sectorSize)));
  }

  public boolean contains(long address) {
    return address >= start && address - start < size;
  }
}
