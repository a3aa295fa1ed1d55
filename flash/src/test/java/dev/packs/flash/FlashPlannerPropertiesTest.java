package dev.packs.flash;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The planner's promises over random images, random current content and random sector layouts (uniform
 * and mixed sector sizes, page sizes that do and do not divide them, erased value 0xFF or 0x00), run on
 * the {@link FlashSimulator}.
 */
class FlashPlannerPropertiesTest {
  private static final int[] SECTOR_SIZES = {0x20, 0x40, 0x80, 0x100, 0x200};
  private static final int[] PAGE_SIZES = {0x10, 0x20, 0x30, 0x40, 0x80};

  @Property
  void erasesExactlyTheTouchedSectorsWhoseContentChanges(@ForAll("scenarios") Scenario s) throws Exception {
    FlashPlan plan = FlashPlanner.plan(s.image, s.regions, s.current, s.mode);

    for (FlashRegion region : s.regions) {
      Set<Sector> touched = new HashSet<>();
      Set<Sector> changed = new HashSet<>();
      for (Sector sector : region.sectors()) {
        if (s.image.touches(sector.start(), sector.size())) {
          touched.add(sector);
          byte[] old = s.current.overlay(sector.start(), new byte[(int) sector.size()]);
          if (!Arrays.equals(old, s.image.overlay(sector.start(), old))) {
            changed.add(sector);
          }
        }
      }
      List<FlashPlan.RegionPlan> plans = plan.regions().stream().filter(r -> r.region().equals(region)).toList();
      if (touched.isEmpty()) {
        assertThat(plans).isEmpty();
        continue;
      }
      FlashPlan.RegionPlan rp = plans.get(0);
      Statistics.label("chip erase").collect(rp.chipErase());
      Statistics.label("unchanged sectors skipped").collect(!rp.unchanged().isEmpty());
      Statistics.label("sectors erased").collect(!rp.erase().isEmpty());
      boolean everySectorChanges = changed.size() == region.sectors().size();
      boolean chip = !changed.isEmpty()
          && (s.mode == EraseMode.CHIP || s.mode == EraseMode.AUTO && region.hasEraseChip() && everySectorChanges);
      assertThat(rp.chipErase()).isEqualTo(chip);
      if (!chip) {
        assertThat(new HashSet<>(rp.erase())).isEqualTo(changed);
        Set<Sector> same = new HashSet<>(touched);
        same.removeAll(changed);
        assertThat(new HashSet<>(rp.unchanged())).isEqualTo(same);
      }
    }
    // The generator must reach every branch often enough for the property to mean something.
    Statistics.label("chip erase").coverage(c -> c.check(true).percentage(p -> p > 3));
    Statistics.label("unchanged sectors skipped").coverage(c -> c.check(true).percentage(p -> p > 10));
    Statistics.label("sectors erased").coverage(c -> c.check(true).percentage(p -> p > 30));
  }

  @Property
  void flashAfterTheRunIsTheOldContentWithTheImageWrittenOverIt(@ForAll("scenarios") Scenario s) throws Exception {
    FlashSimulator flash = new FlashSimulator(s.regions, s.current);

    flash.run(FlashPlanner.plan(s.image, s.regions, s.current, s.mode));

    List<Image.Segment> expected = new ArrayList<>();
    for (FlashRegion region : s.regions) {
      byte[] old = s.current.overlay(region.start(), new byte[(int) region.size()]);
      expected.add(new Image.Segment(region.start(), s.image.overlay(region.start(), old)));
    }
    assertThat(flash.content()).isEqualTo(Image.of(expected));
  }

  @Property
  void planningAgainAfterTheRunFindsNothingToDo(@ForAll("scenarios") Scenario s) throws Exception {
    FlashSimulator flash = new FlashSimulator(s.regions, s.current);
    flash.run(FlashPlanner.plan(s.image, s.regions, s.current, s.mode));

    FlashPlan again = FlashPlanner.plan(s.image, s.regions, flash.content(), s.mode);

    assertThat(again.isEmpty()).isTrue();
  }

  @Property
  void pagesAreAlignedInsideOneErasedSectorAndNeverBlank(@ForAll("scenarios") Scenario s) throws Exception {
    for (FlashPlan.RegionPlan rp : FlashPlanner.plan(s.image, s.regions, s.current, s.mode).regions()) {
      FlashRegion region = rp.region();
      for (FlashPlan.Page page : rp.program()) {
        Sector sector = region.sectors().stream().filter(x -> x.contains(page.address())).findFirst().orElseThrow();
        assertThat((page.address() - sector.start()) % region.pageSize()).isZero();
        assertThat(page.size()).isEqualTo((int) Math.min(region.pageSize(), sector.end() - page.address()));
        assertThat(rp.chipErase() || rp.erase().contains(sector)).isTrue();
        byte[] blank = new byte[page.size()];
        Arrays.fill(blank, (byte) region.erasedValue());
        assertThat(page.data()).isNotEqualTo(blank);
      }
    }
  }

  @Provide
  Arbitrary<Scenario> scenarios() {
    return Combinators.combine(Arbitraries.of(EraseMode.class), Arbitraries.of(true, false), Arbitraries.longs())
        .as(Scenario::generate);
  }

  /** Flash regions, their present content, an image inside them, and an erase mode. */
  record Scenario(List<FlashRegion> regions, Image current, Image image, EraseMode mode) {
    static Scenario generate(EraseMode mode, boolean uniform, long seed) {
      Random random = new Random(seed);
      List<FlashRegion> regions = new ArrayList<>();
      List<Image.Segment> current = new ArrayList<>();
      List<Image.Segment> image = new ArrayList<>();
      int count = 1 + random.nextInt(2);
      for (int r = 0; r < count; r++) {
        // CHIP on a region without EraseChip is refused by design (an example test shows it).
        FlashRegion region = region(random, "R" + r, 0x0800_0000L + r * 0x1_0000L, uniform, mode == EraseMode.CHIP);
        byte[] old = content(random, region);
        regions.add(region);
        current.add(new Image.Segment(region.start(), old));
        image.addAll(patches(random, region, old));
      }
      return new Scenario(regions, Image.of(current), Image.of(image), mode);
    }

    private static FlashRegion region(Random random, String name, long start, boolean uniform, boolean eraseChip) {
      List<Sector> sectors = new ArrayList<>();
      int n = 1 + random.nextInt(8);
      int size = SECTOR_SIZES[random.nextInt(SECTOR_SIZES.length)];
      long at = start;
      for (int i = 0; i < n; i++) {
        int sectorSize = uniform ? size : SECTOR_SIZES[random.nextInt(SECTOR_SIZES.length)];
        sectors.add(new Sector(at, sectorSize));
        at += sectorSize;
      }
      int page = PAGE_SIZES[random.nextInt(PAGE_SIZES.length)];
      int erased = random.nextBoolean() ? 0xFF : 0x00;
      return new FlashRegion(name, start, at - start, sectors, page, erased, eraseChip || random.nextBoolean());
    }

    /** Erased, random, or erased with random patches. */
    private static byte[] content(Random random, FlashRegion region) {
      byte[] bytes = new byte[(int) region.size()];
      Arrays.fill(bytes, (byte) region.erasedValue());
      int style = random.nextInt(3);
      if (style == 1) {
        random.nextBytes(bytes);
      } else if (style == 2) {
        for (int i = random.nextInt(4); i > 0; i--) {
          int from = random.nextInt(bytes.length);
          int to = from + random.nextInt(Math.min(bytes.length - from, 0x100) + 1);
          for (int j = from; j < to; j++) {
            bytes[j] = (byte) random.nextInt(256);
          }
        }
      }
      return bytes;
    }

    /** Up to four patches, later ones painting over earlier ones: copies of the old bytes, random, erased or whole-region. */
    private static List<Image.Segment> patches(Random random, FlashRegion region, byte[] old) {
      byte[] data = new byte[old.length];
      boolean[] present = new boolean[old.length];
      for (int i = random.nextInt(5); i > 0; i--) {
        int kind = random.nextInt(5);
        int from = kind == 4 ? 0 : random.nextInt(old.length);
        int to = kind == 4 ? old.length : from + 1 + random.nextInt(Math.min(old.length - from, 0x180));
        for (int j = from; j < to; j++) {
          data[j] = switch (kind) {
            case 0 -> old[j];
            case 1 -> (byte) region.erasedValue();
            default -> (byte) random.nextInt(256);
          };
          present[j] = true;
        }
      }
      List<Image.Segment> segments = new ArrayList<>();
      for (int j = 0; j < old.length; j++) {
        if (present[j]) {
          int end = j;
          while (end < old.length && present[end]) {
            end++;
          }
          segments.add(new Image.Segment(region.start() + j, Arrays.copyOfRange(data, j, end)));
          j = end;
        }
      }
      return segments;
    }

    @Override
    public String toString() {
      StringBuilder out = new StringBuilder("Scenario[" + mode);
      for (FlashRegion r : regions) {
        out.append(String.format(", %s page 0x%X erased 0x%02X chip %s sectors %s", r.name(), r.pageSize(),
            r.erasedValue(), r.hasEraseChip(), r.sectors()));
      }
      return out.append(", image ").append(image.segments()).append(']').toString();
    }
  }
}
