package dev.packs.flash;

import dev.packs.flm.FlashAlgorithm;
import dev.packs.flm.RamWindow;
import dev.packs.flm.SectorRun;
import dev.packs.project.ResolvedTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A resolved target with the algorithm of each flash region loaded: what the planner, the engine and
 * an emulated device need to know about it.
 *
 * @param resolved the target as {@code project} resolved it (memory map, choices and reasons)
 * @param programmable one entry per flash region that has an algorithm, by address
 */
public record FlashTarget(ResolvedTarget resolved, List<RegionAlgorithm> programmable) {
  public FlashTarget {
    Objects.requireNonNull(resolved, "resolved");
    programmable = List.copyOf(programmable);
  }

  /**
   * A flash region and the algorithm that programs it.
   *
   * @param region the region as the planner sees it (sectors from the algorithm's sector table)
   * @param algorithm the parsed algorithm
   * @param choice which algorithm {@code project} chose and why
   * @param ram the RAM window the algorithm runs in
   */
  public record RegionAlgorithm(FlashRegion region, FlashAlgorithm algorithm, ResolvedTarget.Algorithm choice,
      RamWindow ram) {
    public RegionAlgorithm {
      Objects.requireNonNull(region, "region");
      Objects.requireNonNull(algorithm, "algorithm");
      Objects.requireNonNull(choice, "choice");
      Objects.requireNonNull(ram, "ram");
    }
  }

  /** The regions the planner may write. */
  public List<FlashRegion> flashRegions() {
    return programmable.stream().map(RegionAlgorithm::region).toList();
  }

  /** The algorithm entry of a planner region. */
  public Optional<RegionAlgorithm> algorithmFor(FlashRegion region) {
    return programmable.stream().filter(r -> r.region().equals(region)).findFirst();
  }

  /**
   * The planner's view of {@code [start, start + size)} programmed by {@code algorithm}: the sectors
   * of its sector table that lie inside the range, its page size and erased value, and EraseChip
   * only when the range covers all the algorithm erases (else a chip erase would reach outside).
   */
  public static FlashRegion region(String name, long start, long size, FlashAlgorithm algorithm) {
    long end = start + size;
    List<Sector> sectors = new ArrayList<>();
    for (SectorRun run : algorithm.sectors()) {
      for (long at = run.start(); at < run.end(); at += run.size()) {
        long sectorEnd = Math.min(at + run.size(), run.end());
        if (at >= start && sectorEnd <= end) {
          sectors.add(new Sector(at, sectorEnd - at));
        }
      }
    }
    boolean coversAll = start <= algorithm.device().start() && end >= algorithm.device().end();
    return new FlashRegion(name, start, size, sectors, (int) Math.max(1, algorithm.device().pageSize()),
        algorithm.device().erasedValue(), coversAll && algorithm.entryPoints().eraseChip().isPresent());
  }
}
