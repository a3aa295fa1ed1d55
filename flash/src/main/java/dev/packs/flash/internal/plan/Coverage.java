package dev.packs.flash.internal.plan;

import dev.packs.flash.FlashException;
import dev.packs.flash.FlashRegion;
import dev.packs.flash.Image;
import dev.packs.flash.Sector;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Checks that every byte of an image lies in a sector of a flash region, before anything is planned. */
public final class Coverage {
  private Coverage() {}

  /**
   * @param layouts sorted by start, not overlapping
   * @throws FlashException.BadPlan naming the first range of image data outside every region or sector
   */
  public static void check(Image image, List<RegionLayout> layouts) throws FlashException.BadPlan {
    for (Image.Segment segment : image.segments()) {
      long at = segment.address();
      while (at < segment.end()) {
        long from = at;
        Optional<RegionLayout> layout = layouts.stream().filter(l -> l.region().contains(from)).findFirst();
        if (layout.isEmpty()) {
          long next = layouts.stream().mapToLong(l -> l.region().start()).filter(s -> s > from)
              .min().orElse(Long.MAX_VALUE);
          throw new FlashException.BadPlan(String.format("image data 0x%08X..0x%08X is outside every flash region (%s)",
              from, Math.min(next, segment.end()) - 1, describe(layouts)));
        }
        FlashRegion region = layout.get().region();
        Optional<Sector> sector = layout.get().sectorAt(from);
        if (sector.isEmpty()) {
          long next = layout.get().nextSectorStart(from).orElse(region.end());
          throw new FlashException.BadPlan(String.format(
              "image data 0x%08X..0x%08X is in flash region %s but in none of its sectors",
              from, Math.min(next, segment.end()) - 1, region.name()));
        }
        at = Math.min(segment.end(), sector.get().end());
      }
    }
  }

  private static String describe(List<RegionLayout> layouts) {
    if (layouts.isEmpty()) {
      return "there are none";
    }
    return layouts.stream()
        .map(l -> String.format("%s 0x%08X..0x%08X", l.region().name(), l.region().start(), l.region().end() - 1))
        .collect(Collectors.joining(", "));
  }
}
