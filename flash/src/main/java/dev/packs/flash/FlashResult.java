package dev.packs.flash;

import java.util.List;
import java.util.Objects;

/**
 * What the engine did.
 *
 * @param regions one entry per region of the plan, by address
 * @param calls the flash-algorithm functions called, in all regions
 * @param verified true when the programmed pages were verified (read back, or the algorithm's Verify)
 */
public record FlashResult(List<RegionResult> regions, long calls, boolean verified) {
  public FlashResult {
    regions = List.copyOf(regions);
  }

  /**
   * What the engine did in one region.
   *
   * @param chipErased the region was erased with EraseChip
   * @param sectorsErased sectors erased (all of the region's after a chip erase)
   * @param pagesProgrammed ProgramPage calls
   * @param pagesSkipped pages of touched sectors that needed no ProgramPage (unchanged, or erased)
   */
  public record RegionResult(FlashRegion region, boolean chipErased, int sectorsErased, int pagesProgrammed,
      int pagesSkipped, long bytesProgrammed) {
    public RegionResult {
      Objects.requireNonNull(region, "region");
    }
  }

  public int sectorsErased() {
    return regions.stream().mapToInt(RegionResult::sectorsErased).sum();
  }

  public int pagesProgrammed() {
    return regions.stream().mapToInt(RegionResult::pagesProgrammed).sum();
  }
}
