package dev.packs.flash;

import java.util.List;
import java.util.Objects;

/**
 * One flash region as the planner sees it: its sectors (from its algorithm's sector table), the page size
 * ProgramPage takes, the erased value, and whether the algorithm has EraseChip.
 */
public record FlashRegion(
    String name, long start, long size, List<Sector> sectors, int pageSize, int erasedValue, boolean hasEraseChip) {
  public FlashRegion {
    Objects.requireNonNull(name, "name");
    sectors = List.copyOf(sectors);
    if (pageSize <= 0) {
      throw new IllegalArgumentException("page size must be positive: " + pageSize);
    }
    if (erasedValue < 0 || erasedValue > 0xFF) {
      throw new IllegalArgumentException("erased value must be a byte: " + erasedValue);
    }
  }

  public long end() {
    return start + size;
  }

  public boolean contains(long address) {
    return address >= start && address < end();
  }
}
