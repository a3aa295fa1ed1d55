package dev.packs.flash;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What the engine will do, computed before touching the target: per region, which sectors to erase (or a
 * chip erase), which pages to program with which bytes, and which sectors are already right (skipped).
 */
public record FlashPlan(List<RegionPlan> regions) {
  public FlashPlan {
    regions = List.copyOf(regions);
  }

  /** A page to program: {@code data.length} is the region's page size or less (the last page of a run). */
  public static final class Page {
    private final long address;
    private final byte[] data;

    public Page(long address, byte[] data) {
      this.address = address;
      this.data = Objects.requireNonNull(data, "data").clone();
    }

    public long address() {
      return address;
    }

    public byte[] data() {
      return data.clone();
    }

    public int size() {
      return data.length;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Page p && p.address == address && Arrays.equals(p.data, data);
    }

    @Override
    public int hashCode() {
      return Long.hashCode(address) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
      return String.format("Page[0x%08X, %d bytes]", address, data.length);
    }
  }

  /**
   * The plan for one region.
   *
   * @param chipErase erase the whole region with EraseChip instead of {@code erase}
   * @param erase the sectors to erase, by address
   * @param program the pages to program after erasing, by address (old bytes kept where the image has none)
   * @param unchanged sectors the image touches whose content already matches (smart flash: not erased)
   */
  public record RegionPlan(
      FlashRegion region, boolean chipErase, List<Sector> erase, List<Page> program, List<Sector> unchanged) {
    public RegionPlan {
      Objects.requireNonNull(region, "region");
      erase = List.copyOf(erase);
      program = List.copyOf(program);
      unchanged = List.copyOf(unchanged);
    }
  }

  public boolean isEmpty() {
    return regions.stream().allMatch(r -> !r.chipErase() && r.erase().isEmpty() && r.program().isEmpty());
  }
}
