package dev.packs.flash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The planner by example: each test compares a whole FlashPlan. */
class FlashPlannerTest {
  private static final long BASE = 0x0800_0000L;
  // Four 256-byte sectors of four 64-byte pages each: small enough to spell every page out.
  private static final List<Sector> SECTORS = List.of(
      new Sector(BASE, 0x100), new Sector(BASE + 0x100, 0x100), new Sector(BASE + 0x200, 0x100),
      new Sector(BASE + 0x300, 0x100));
  private static final FlashRegion IROM = new FlashRegion("IROM1", BASE, 0x400, SECTORS, 0x40, 0xFF, true);
  private static final FlashRegion NO_CHIP_ERASE = new FlashRegion("IROM1", BASE, 0x400, SECTORS, 0x40, 0xFF, false);

  @Test
  void changedSectorIsErasedAndRewrittenWithItsOtherBytesKept() throws Exception {
    Image current = flash(BASE + 0x80, 1, 2, 3, 4); // sector 0 already holds 4 bytes the image does not cover
    Image image = data(BASE + 0x10, 16, 0xAA);

    FlashPlan plan = FlashPlanner.plan(image, List.of(IROM), current, EraseMode.SECTOR);

    byte[] page0 = blank(0x40);
    Arrays.fill(page0, 0x10, 0x20, (byte) 0xAA);
    byte[] page2 = blank(0x40);
    page2[0] = 1;
    page2[1] = 2;
    page2[2] = 3;
    page2[3] = 4;
    // Pages 0x08000040 and 0x080000C0 would be all 0xFF after the erase: not programmed.
    assertThat(plan).isEqualTo(new FlashPlan(List.of(new FlashPlan.RegionPlan(IROM, false, List.of(SECTORS.get(0)),
        List.of(new FlashPlan.Page(BASE, page0), new FlashPlan.Page(BASE + 0x80, page2)), List.of()))));
  }

  @Test
  void sectorAlreadyHoldingTheImageIsLeftAlone() throws Exception {
    Image current = flash(BASE + 0x100, 5, 6, 7);
    Image image = Image.of(List.of(new Image.Segment(BASE + 0x100, new byte[] {5, 6, 7}),
        new Image.Segment(BASE + 0x300, new byte[] {(byte) 0xFF, (byte) 0xFF})));

    FlashPlan plan = FlashPlanner.plan(image, List.of(IROM), current, EraseMode.AUTO);

    assertThat(plan).isEqualTo(new FlashPlan(List.of(
        new FlashPlan.RegionPlan(IROM, false, List.of(), List.of(), List.of(SECTORS.get(1), SECTORS.get(3))))));
    assertThat(plan.isEmpty()).isTrue();
  }

  @Test
  void dataOutsideEveryRegionIsRefusedNamingTheRange() {
    FlashRegion irom = new FlashRegion("IROM1", BASE, 0x20000, List.of(new Sector(BASE, 0x20000)), 0x800, 0xFF, true);

    assertThatThrownBy(() -> FlashPlanner.plan(data(BASE + 0x1FF00, 0x200, 1), List.of(irom), flash(BASE), EraseMode.AUTO))
        .isInstanceOf(FlashException.BadPlan.class)
        .hasMessage("image data 0x08020000..0x080200FF is outside every flash region (IROM1 0x08000000..0x0801FFFF)");
  }

  @Test
  void dataBetweenTwoRegionsIsNamedUpToTheNextRegion() {
    FlashRegion high = new FlashRegion("IROM2", BASE + 0x800, 0x100, List.of(new Sector(BASE + 0x800, 0x100)), 0x40, 0xFF,
        true);

    assertThatThrownBy(() -> FlashPlanner.plan(data(BASE + 0x3F0, 0x500, 1), List.of(high, IROM), flash(BASE), EraseMode.AUTO))
        .isInstanceOf(FlashException.BadPlan.class)
        .hasMessage("image data 0x08000400..0x080007FF is outside every flash region"
            + " (IROM1 0x08000000..0x080003FF, IROM2 0x08000800..0x080008FF)");
  }

  @Test
  void dataInARegionButNoSectorIsRefused() {
    FlashRegion holed = new FlashRegion("IROM1", BASE, 0x400, List.of(SECTORS.get(0), SECTORS.get(3)), 0x40, 0xFF, true);

    assertThatThrownBy(() -> FlashPlanner.plan(data(BASE + 0x180, 0x10, 1), List.of(holed), flash(BASE), EraseMode.SECTOR))
        .isInstanceOf(FlashException.BadPlan.class)
        .hasMessage("image data 0x08000180..0x0800018F is in flash region IROM1 but in none of its sectors");
  }

  @Test
  void chipEraseRewritesTheBytesOfEverySectorOfTheRegion() throws Exception {
    Image current = flash(BASE + 0x2C0, 9); // sector 2, untouched by the image, holds one byte
    Image image = data(BASE, 4, 0x11);

    FlashPlan plan = FlashPlanner.plan(image, List.of(IROM), current, EraseMode.CHIP);

    byte[] first = blank(0x40);
    Arrays.fill(first, 0, 4, (byte) 0x11);
    byte[] kept = blank(0x40);
    kept[0] = 9;
    assertThat(plan).isEqualTo(new FlashPlan(List.of(new FlashPlan.RegionPlan(IROM, true, List.of(),
        List.of(new FlashPlan.Page(BASE, first), new FlashPlan.Page(BASE + 0x2C0, kept)), List.of()))));
  }

  @Test
  void chipEraseOfARegionWithoutEraseChipIsRefused() {
    assertThatThrownBy(() -> FlashPlanner.plan(data(BASE, 4, 1), List.of(NO_CHIP_ERASE), flash(BASE), EraseMode.CHIP))
        .isInstanceOf(FlashException.BadPlan.class)
        .hasMessage("flash region IROM1 (0x08000000..0x080003FF) cannot be chip erased: its algorithm has no EraseChip;"
            + " use --erase sector");
  }

  @Test
  void autoChipErasesOnlyWhenEverySectorChangesAndTheAlgorithmCan() throws Exception {
    Image everySector = data(BASE + 0xFC, 0x208, 0x22); // the last bytes of sector 0 to the first of sector 3
    Image threeSectors = data(BASE + 0xFC, 0x108, 0x22);

    FlashPlan all = FlashPlanner.plan(everySector, List.of(IROM), flash(BASE), EraseMode.AUTO);
    FlashPlan some = FlashPlanner.plan(threeSectors, List.of(IROM), flash(BASE), EraseMode.AUTO);
    FlashPlan cannot = FlashPlanner.plan(everySector, List.of(NO_CHIP_ERASE), flash(BASE), EraseMode.AUTO);

    assertThat(all.regions().get(0).chipErase()).isTrue();
    assertThat(all.regions().get(0).erase()).isEmpty();
    assertThat(some.regions().get(0).chipErase()).isFalse();
    assertThat(some.regions().get(0).erase()).containsExactly(SECTORS.get(0), SECTORS.get(1), SECTORS.get(2));
    assertThat(cannot.regions().get(0).chipErase()).isFalse();
    assertThat(cannot.regions().get(0).erase()).isEqualTo(SECTORS);
    assertThat(all.regions().get(0).program()).isEqualTo(cannot.regions().get(0).program());
  }

  @Test
  void pagesAlignToThePageSizeFromEachSectorStartAndTheLastIsShort() throws Exception {
    FlashRegion odd = new FlashRegion("IROM1", BASE, 0x200, SECTORS.subList(0, 2), 0x60, 0xFF, false);

    FlashPlan plan = FlashPlanner.plan(data(BASE + 0x100, 0x100, 0x33), List.of(odd), flash(BASE), EraseMode.SECTOR);

    assertThat(plan.regions().get(0).program()).extracting(FlashPlan.Page::address, FlashPlan.Page::size).containsExactly(
        org.assertj.core.groups.Tuple.tuple(BASE + 0x100, 0x60), org.assertj.core.groups.Tuple.tuple(BASE + 0x160, 0x60),
        org.assertj.core.groups.Tuple.tuple(BASE + 0x1C0, 0x40));
  }

  @Test
  void regionsTheImageDoesNotTouchAreNotInThePlan() throws Exception {
    FlashRegion other = new FlashRegion("IROM2", 0x1000_0000L, 0x100, List.of(new Sector(0x1000_0000L, 0x100)), 0x40,
        0xFF, true);

    FlashPlan plan = FlashPlanner.plan(data(0x1000_0000L, 1, 0), List.of(IROM, other), Image.of(List.of(
        new Image.Segment(0x1000_0000L, blank(0x100)))), EraseMode.SECTOR);

    assertThat(plan.regions()).extracting(r -> r.region().name()).containsExactly("IROM2");
  }

  @Test
  void currentContentMissingATouchedSectorIsAProgrammingError() {
    Image onlySector0 = Image.of(List.of(new Image.Segment(BASE, blank(0x100))));

    assertThatThrownBy(() -> FlashPlanner.plan(data(BASE + 0x100, 4, 1), List.of(IROM), onlySector0, EraseMode.SECTOR))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not cover sector 0x08000100..0x080001FF of flash region IROM1");
  }

  @Test
  void chipEraseNeedsTheWholeRegionRead() {
    Image onlySector0 = Image.of(List.of(new Image.Segment(BASE, blank(0x100))));

    assertThatThrownBy(() -> FlashPlanner.plan(data(BASE, 4, 1), List.of(IROM), onlySector0, EraseMode.CHIP))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sector 0x08000100..0x080001FF");
  }

  @Test
  void emptyImagePlansNothing() throws Exception {
    assertThat(FlashPlanner.plan(Image.empty(), List.of(IROM), Image.empty(), EraseMode.CHIP))
        .isEqualTo(new FlashPlan(List.of()));
  }

  /** The whole 1 KiB region erased, with {@code bytes} at {@code at}. */
  private static Image flash(long at, int... bytes) {
    byte[] all = blank(0x400);
    for (int i = 0; i < bytes.length; i++) {
      all[(int) (at - BASE) + i] = (byte) bytes[i];
    }
    return Image.of(List.of(new Image.Segment(BASE, all)));
  }

  private static Image data(long at, int length, int value) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, (byte) value);
    return Image.of(new ArrayList<>(List.of(new Image.Segment(at, bytes))));
  }

  private static byte[] blank(int length) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, (byte) 0xFF);
    return bytes;
  }
}
