package dev.packs.flash;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FlashTargetTest {
  // The SFC algorithm: 8 sectors of 4 KiB, then 3 of 32 KiB, EraseChip present.
  private final dev.packs.flm.FlashAlgorithm sfc = TestDevice.load(TestDevice.SFC);

  @Test
  void aRegionTakesTheAlgorithmsSectorsPageSizeAndEraseChip() {
    FlashRegion region = FlashTarget.region("IROM1", 0x0800_0000L, 0x2_0000, sfc);
    assertThat(region.sectors()).hasSize(11);
    assertThat(region.sectors().get(7)).isEqualTo(new Sector(0x0800_7000L, 0x1000));
    assertThat(region.sectors().get(8)).isEqualTo(new Sector(0x0800_8000L, 0x8000));
    assertThat(region.pageSize()).isEqualTo(0x400);
    assertThat(region.erasedValue()).isEqualTo(0xFF);
    assertThat(region.hasEraseChip()).isTrue();
  }

  @Test
  void aRegionOfPartOfTheAlgorithmsFlashKeepsItsOwnSectorsAndNoChipErase() {
    // A bank of half the flash: EraseChip would erase the other half too.
    FlashRegion region = FlashTarget.region("BANK1", 0x0800_0000L, 0x1_0000, sfc);
    assertThat(region.sectors()).extracting(Sector::size)
        .isEqualTo(List.of(0x1000L, 0x1000L, 0x1000L, 0x1000L, 0x1000L, 0x1000L, 0x1000L, 0x1000L, 0x8000L));
    assertThat(region.hasEraseChip()).isFalse();
  }

  @Test
  void readsTheTouchedSectorsOneRunAtATime() {
    // An image in sectors 1-2 and 9 of the SFC flash: two reads, of 8 KiB and of 32 KiB.
    TestDevice device = TestDevice.of(TestDevice.SFC);
    WatchedTarget target = new WatchedTarget(device.emulator);
    device.emulator.loadFlash(0x0800_1000L, new byte[] {1, 2, 3});
    Image image = Image.of(List.of(new Image.Segment(0x0800_1800L, new byte[0x1000]),
        new Image.Segment(0x0801_0004L, new byte[4])));
    Image current = FlashService.readTouched(target, image, List.of(device.region));
    assertThat(target.operations()).isEqualTo(2);
    assertThat(current.segments()).extracting(Image.Segment::toString)
        .containsExactly("0x08001000..0x08002FFF", "0x08010000..0x08017FFF");
    assertThat(current.byteAt(0x0800_1001L)).contains((byte) 2);
  }
}
