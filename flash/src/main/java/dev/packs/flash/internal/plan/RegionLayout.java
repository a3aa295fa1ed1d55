package dev.packs.flash.internal.plan;

import dev.packs.flash.FlashRegion;
import dev.packs.flash.Sector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A flash region with its sectors sorted by address and checked: the planner's view of a sector table. */
public record RegionLayout(FlashRegion region, List<Sector> sectors) {
  public RegionLayout {
    sectors = List.copyOf(sectors);
  }

  /**
   * The layouts of {@code regions}, sorted by start.
   *
   * @throws IllegalArgumentException when regions overlap, or a region's sectors overlap or leave it (a
   *     broken sector table is a programming error, not a user's)
   */
  public static List<RegionLayout> of(List<FlashRegion> regions) {
    List<RegionLayout> layouts = new ArrayList<>();
    for (FlashRegion region : regions) {
      layouts.add(of(region));
    }
    layouts.sort(Comparator.comparingLong(l -> l.region().start()));
    for (int i = 1; i < layouts.size(); i++) {
      FlashRegion previous = layouts.get(i - 1).region();
      FlashRegion next = layouts.get(i).region();
      if (next.start() < previous.end()) {
        throw new IllegalArgumentException("flash regions " + previous.name() + " and " + next.name() + " overlap");
      }
    }
    return layouts;
  }

  private static RegionLayout of(FlashRegion region) {
    List<Sector> sorted = new ArrayList<>(region.sectors());
    sorted.sort(Comparator.comparingLong(Sector::start));
    for (int i = 0; i < sorted.size(); i++) {
      Sector s = sorted.get(i);
      if (s.start() < region.start() || s.end() > region.end()) {
        throw new IllegalArgumentException("sector " + s + " is outside flash region " + region.name());
      }
      if (i > 0 && s.start() < sorted.get(i - 1).end()) {
        throw new IllegalArgumentException("sectors " + sorted.get(i - 1) + " and " + s + " overlap");
      }
    }
    return new RegionLayout(region, sorted);
  }

  /** The sector holding {@code address}. */
  public Optional<Sector> sectorAt(long address) {
    int i = lastStartingAtOrBefore(address);
    return i >= 0 && sectors.get(i).contains(address) ? Optional.of(sectors.get(i)) : Optional.empty();
  }

  /** The start of the first sector after {@code address}. */
  public Optional<Long> nextSectorStart(long address) {
    int i = lastStartingAtOrBefore(address) + 1;
    return i < sectors.size() ? Optional.of(sectors.get(i).start()) : Optional.empty();
  }

  private int lastStartingAtOrBefore(long address) {
    int low = 0;
    int high = sectors.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (sectors.get(mid).start() <= address) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low - 1;
  }
}
