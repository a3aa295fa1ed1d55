package dev.packs.flash;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A byte-array model of NOR flash that runs a {@link FlashPlan} the way the executor will: chip erase or
 * sector erase sets the erased value, ProgramPage writes bytes. Programming a byte this run did not erase
 * fails, as writing unerased NOR flash would corrupt it.
 */
final class FlashSimulator {
  private final List<FlashRegion> regions;
  private final List<byte[]> content = new ArrayList<>();

  FlashSimulator(List<FlashRegion> regions, Image current) {
    this.regions = List.copyOf(regions);
    for (FlashRegion region : regions) {
      content.add(current.overlay(region.start(), new byte[Math.toIntExact(region.size())]));
    }
  }

  void run(FlashPlan plan) {
    for (FlashPlan.RegionPlan step : plan.regions()) {
      int index = regions.indexOf(step.region());
      FlashRegion region = step.region();
      byte[] flash = content.get(index);
      boolean[] erased = new boolean[flash.length];
      if (step.chipErase()) {
        fill(flash, erased, 0, flash.length, region.erasedValue());
      }
      for (Sector sector : step.erase()) {
        fill(flash, erased, (int) (sector.start() - region.start()), (int) sector.size(), region.erasedValue());
      }
      for (FlashPlan.Page page : step.program()) {
        int at = (int) (page.address() - region.start());
        for (int i = 0; i < page.size(); i++) {
          if (!erased[at + i]) {
            throw new AssertionError(String.format("programs 0x%08X, which this plan did not erase", page.address() + i));
          }
        }
        System.arraycopy(page.data(), 0, flash, at, page.size());
      }
    }
  }

  /** The content of every region. */
  Image content() {
    List<Image.Segment> segments = new ArrayList<>();
    for (int i = 0; i < regions.size(); i++) {
      segments.add(new Image.Segment(regions.get(i).start(), content.get(i)));
    }
    return Image.of(segments);
  }

  private static void fill(byte[] flash, boolean[] erased, int from, int length, int value) {
    Arrays.fill(flash, from, from + length, (byte) value);
    Arrays.fill(erased, from, from + length, true);
  }
}
