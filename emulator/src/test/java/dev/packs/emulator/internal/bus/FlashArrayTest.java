package dev.packs.emulator.internal.bus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FlashArrayTest {
  // The SFC test device: 8 x 4 KiB sectors, then 3 x 32 KiB, 128 KiB in all.
  private static final SectorTable SFC = SectorTable.of(0x20000,
      List.of(new SectorTable.Run(0, 0x1000), new SectorTable.Run(0x8000, 0x8000)));

  @Test
  void programmingOnlyClearsBits() {
    FlashArray flash = new FlashArray(0x0800_0000, 0x20000, 0xFF, SFC);
    flash.program(0x10, 4, 0xF0F0_1234);
    flash.program(0x10, 4, 0x0FFF_FFFF);
    assertThat(flash.read(0x10, 4)).isEqualTo(0x00F0_1234);
    assertThat(flash.canProgram(0x10, 4, 0x0000_1230)).isTrue();
    assertThat(flash.canProgram(0x10, 4, 0x0100_0000)).isFalse();
  }

  @Test
  void erasesExactlyTheSectorFromTheTable() {
    FlashArray flash = new FlashArray(0x0800_0000, 0x20000, 0xFF, SFC);
    for (int at = 0; at < 0x20000; at += 4) {
      flash.program(at, 4, 0);
    }
    assertThat(flash.eraseSectorAt(0x9004)).isEqualTo(new SectorTable.Sector(0x8000, 0x8000));
    assertThat(flash.eraseSectorAt(0x1FFF)).isEqualTo(new SectorTable.Sector(0x1000, 0x1000));
    assertThat(flash.isErased(0x1000, 0x1000)).isTrue();
    assertThat(flash.isErased(0x8000, 0x8000)).isTrue();
    assertThat(flash.read(0x0FFC, 4)).isZero();
    assertThat(flash.read(0x2000, 4)).isZero();
    assertThat(flash.read(0x7FFC, 4)).isZero();
    assertThat(flash.read(0x10000, 4)).isZero();
  }

  @Test
  void buildsSectorsFromFlashDeviceRuns() {
    assertThat(SFC.count()).isEqualTo(11);
    assertThat(SFC.sector(7)).isEqualTo(new SectorTable.Sector(0x7000, 0x1000));
    assertThat(SFC.sector(10)).isEqualTo(new SectorTable.Sector(0x18000, 0x8000));
    assertThat(SFC.sectorAt(0x1FFFF)).isEqualTo(new SectorTable.Sector(0x18000, 0x8000));
  }

  @Test
  void startsErasedToTheDevicesErasedValue() {
    FlashArray flash = new FlashArray(0, 0x800, 0x00, SectorTable.uniform(0x800, 0x400));
    assertThat(flash.read(0x7FC, 4)).isZero();
    assertThat(flash.isErased(0, 0x800)).isTrue();
  }
}
