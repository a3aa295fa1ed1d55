package dev.packs.flash;

import dev.packs.flash.internal.plan.Coverage;
import dev.packs.flash.internal.plan.RegionLayout;
import dev.packs.flash.internal.plan.RegionPlanner;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans a flash operation as a pure function: image + flash regions + the current content of the sectors
 * the image touches → {@link FlashPlan}. No I/O; tested by comparing whole values.
 *
 * <p>Per region the image touches: a touched sector whose content already equals its content with the image
 * written over it is left alone ({@code unchanged}: smart flash). Every other touched sector is erased and
 * then programmed page by page (pages aligned to the page size from the sector start) with its old content
 * merged with the image, so bytes the image does not cover survive; pages that would hold only the erased
 * value are not programmed. {@link EraseMode#CHIP} chip erases a region that has changes and rewrites every
 * non-blank page of it; {@link EraseMode#AUTO} chip erases when every sector of the region changes and the
 * algorithm has EraseChip, else erases sector by sector. Regions the image does not touch are not in the plan.
 */
public final class FlashPlanner {
  private FlashPlanner() {}

  /**
   * Plans writing {@code image} into {@code regions}.
   *
   * @param current the present content of at least every sector the image touches (read back by the caller);
   *     for {@link EraseMode#CHIP}, of the whole of each region the image touches, since a chip erase rewrites
   *     it all ({@link EraseMode#AUTO} chip erases only a region whose every sector the image touches)
   * @throws FlashException.BadPlan when image data lies outside every region (names the range), or CHIP is
   *     asked of a region without EraseChip; nothing is planned then
   * @throws IllegalArgumentException when {@code current} lacks a sector the plan needs, or the regions or
   *     their sectors overlap (programming errors)
   */
  public static FlashPlan plan(Image image, List<FlashRegion> regions, Image current, EraseMode mode)
      throws FlashException.BadPlan {
    List<RegionLayout> layouts = RegionLayout.of(regions);
    Coverage.check(image, layouts);
    List<FlashPlan.RegionPlan> plans = new ArrayList<>();
    for (RegionLayout layout : layouts) {
      if (image.touches(layout.region().start(), layout.region().size())) {
        plans.add(RegionPlanner.plan(layout, image, current, mode));
      }
    }
    return new FlashPlan(plans);
  }
}
