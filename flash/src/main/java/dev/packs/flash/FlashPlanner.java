package dev.packs.flash;

import java.util.List;

/**
 * Plans a flash operation as a pure function: image + flash regions + the current content of the sectors
 * the image touches → {@link FlashPlan}. No I/O; tested by comparing whole values.
 */
public final class FlashPlanner {
  private FlashPlanner() {}

  /**
   * Plans writing {@code image} into {@code regions}.
   *
   * @param current the present content of at least every sector the image touches (read back by the caller)
   * @throws FlashException.BadPlan when image data lies outside every region (names the range); nothing is
   *     planned then
   */
  public static FlashPlan plan(Image image, List<FlashRegion> regions, Image current, EraseMode mode)
      throws FlashException.BadPlan {
    throw new UnsupportedOperationException("FlashPlanner.plan: not written yet");
  }
}
