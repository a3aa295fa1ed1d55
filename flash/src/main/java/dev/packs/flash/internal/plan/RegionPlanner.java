package dev.packs.flash.internal.plan;

import dev.packs.flash.EraseMode;
import dev.packs.flash.FlashException;
import dev.packs.flash.FlashPlan;
import dev.packs.flash.FlashRegion;
import dev.packs.flash.Image;
import dev.packs.flash.Sector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plans one region: which sectors the image touches, which of those already hold the right bytes (left
 * alone), which to erase (or a chip erase), and the pages to program afterwards, each the old content
 * merged with the image so that bytes the image does not cover survive.
 */
public final class RegionPlanner {
  private RegionPlanner() {}

  /**
   * @param current the present content: every touched sector, and the whole region when it is chip erased
   * @throws FlashException.BadPlan when {@code mode} is CHIP and the region's algorithm has no EraseChip
   * @throws IllegalArgumentException when {@code current} lacks a sector the plan needs
   */
  public static FlashPlan.RegionPlan plan(RegionLayout layout, Image image, Image current, EraseMode mode)
      throws FlashException.BadPlan {
    FlashRegion region = layout.region();
    if (mode == EraseMode.CHIP && !region.hasEraseChip()) {
      throw new FlashException.BadPlan(String.format(
          "flash region %s (0x%08X..0x%08X) cannot be chip erased: its algorithm has no EraseChip; use --erase sector",
          region.name(), region.start(), region.end() - 1));
    }
    Map<Sector, byte[]> changed = new LinkedHashMap<>(); // sector -> its content after the image is written
    List<Sector> unchanged = new ArrayList<>();
    for (Sector sector : layout.sectors()) {
      if (!image.touches(sector.start(), sector.size())) {
        continue;
      }
      byte[] old = content(current, sector, region);
      byte[] merged = image.overlay(sector.start(), old);
      if (Arrays.equals(old, merged)) {
        unchanged.add(sector);
      } else {
        changed.put(sector, merged);
      }
    }
    boolean chipErase = !changed.isEmpty() && switch (mode) {
      case SECTOR -> false;
      case CHIP -> true;
      case AUTO -> region.hasEraseChip() && changed.size() == layout.sectors().size();
    };
    if (!chipErase) {
      List<FlashPlan.Page> pages = new ArrayList<>();
      changed.forEach((sector, bytes) -> pages.addAll(pages(region, sector, bytes)));
      return new FlashPlan.RegionPlan(region, false, List.copyOf(changed.keySet()), pages, unchanged);
    }
    // After a chip erase every sector is blank: rewrite each one, from the image where it has data.
    List<FlashPlan.Page> pages = new ArrayList<>();
    for (Sector sector : layout.sectors()) {
      byte[] bytes = changed.containsKey(sector) ? changed.get(sector) : content(current, sector, region);
      pages.addAll(pages(region, sector, bytes));
    }
    return new FlashPlan.RegionPlan(region, true, List.of(), pages, List.of());
  }

  /** The pages of a freshly erased sector that must be programmed to hold {@code bytes}. */
  private static List<FlashPlan.Page> pages(FlashRegion region, Sector sector, byte[] bytes) {
    List<FlashPlan.Page> pages = new ArrayList<>();
    for (int offset = 0; offset < bytes.length; offset += region.pageSize()) {
      int end = Math.min(bytes.length, offset + region.pageSize());
      if (!erased(bytes, offset, end, (byte) region.erasedValue())) {
        pages.add(new FlashPlan.Page(sector.start() + offset, Arrays.copyOfRange(bytes, offset, end)));
      }
    }
    return pages;
  }

  private static boolean erased(byte[] bytes, int from, int to, byte erasedValue) {
    for (int i = from; i < to; i++) {
      if (bytes[i] != erasedValue) {
        return false;
      }
    }
    return true;
  }

  private static byte[] content(Image current, Sector sector, FlashRegion region) {
    if (!current.covers(sector.start(), sector.size())) {
      throw new IllegalArgumentException(String.format(
          "the current content does not cover sector %s of flash region %s: read it back before planning"
              + " (the whole region for a chip erase)", sector, region.name()));
    }
    return current.overlay(sector.start(), new byte[Math.toIntExact(sector.size())]);
  }
}
