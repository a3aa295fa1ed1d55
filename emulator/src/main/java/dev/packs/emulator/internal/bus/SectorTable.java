package dev.packs.emulator.internal.bus;

import java.util.ArrayList;
import java.util.List;

/**
 * The sectors of a flash array, built from FlashDevice-style runs: each run starts at an offset and
 * repeats sectors of one size up to the next run or the end of the array.
 */
public final class SectorTable {
  /** One erasable sector: its offset in the array and its size. */
  public record Sector(int offset, int size) {
    public Sector {
      if (offset < 0 || size <= 0) {
        throw new IllegalArgumentException("bad sector " + offset + "+" + size);
      }
    }

    public boolean contains(int at) {
      return at >= offset && at - offset < size;
    }
  }

  /** A run of equal sectors from {@code offset} on. */
  public record Run(int offset, int sectorSize) {
    public Run {
      if (offset < 0 || sectorSize <= 0) {
        throw new IllegalArgumentException("bad sector run " + offset + "/" + sectorSize);
      }
    }
  }

  private final int[] offsets;
  private final int[] sizes;
  private final int size;

  private SectorTable(int[] offsets, int[] sizes, int size) {
    this.offsets = offsets;
    this.sizes = sizes;
    this.size = size;
  }

  /** Sectors of one size covering {@code size} bytes. */
  public static SectorTable uniform(int size, int sectorSize) {
    return of(size, List.of(new Run(0, sectorSize)));
  }

  /** Builds the table for an array of {@code size} bytes from runs in ascending offset order. */
  public static SectorTable of(int size, List<Run> runs) {
    if (runs.isEmpty() || runs.get(0).offset() != 0) {
      throw new IllegalArgumentException("the first sector run must start at offset 0");
    }
    List<Sector> sectors = new ArrayList<>();
    for (int i = 0; i < runs.size(); i++) {
      Run run = runs.get(i);
      int end = i + 1 < runs.size() ? runs.get(i + 1).offset() : size;
      if (end <= run.offset() || end > size) {
        throw new IllegalArgumentException("sector runs are not ascending inside the array");
      }
      for (int at = run.offset(); at < end; at += run.sectorSize()) {
        sectors.add(new Sector(at, Math.min(run.sectorSize(), end - at)));
      }
    }
    int[] offsets = sectors.stream().mapToInt(Sector::offset).toArray();
    int[] sizes = sectors.stream().mapToInt(Sector::size).toArray();
    return new SectorTable(offsets, sizes, size);
  }

  /** The number of bytes the table covers. */
  public int size() {
    return size;
  }

  public int count() {
    return offsets.length;
  }

  public Sector sector(int index) {
    return new Sector(offsets[index], sizes[index]);
  }

  /** The sector containing {@code offset}; the offset must lie inside the array. */
  public Sector sectorAt(int offset) {
    if (offset < 0 || offset >= size) {
      throw new IndexOutOfBoundsException(String.format("offset 0x%X is outside the array", offset));
    }
    int lo = 0;
    int hi = offsets.length - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (offsets[mid] <= offset) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return sector(lo);
  }

  public List<Sector> all() {
    List<Sector> all = new ArrayList<>(offsets.length);
    for (int i = 0; i < offsets.length; i++) {
      all.add(sector(i));
    }
    return all;
  }
}
