package dev.packs.emulator.internal.flash;

import static dev.packs.emulator.internal.flash.NordicNvmc.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.packs.emulator.FlashModel;
import dev.packs.emulator.FlashRegion;
import dev.packs.emulator.RamRegion;
import dev.packs.emulator.internal.bus.MemoryBus;
import dev.packs.emulator.internal.cpu.BusFault;
import dev.packs.emulator.internal.machine.Machine;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NordicNvmcTest {
  private static final int NVMC = 0x4001_E000;
  // nRF52832: 512 KiB of 4 KiB pages at address 0.
  private final MemoryBus bus = Machine.build(List.of(new RamRegion(0x2000_0000L, 0x10000)),
      List.of(FlashRegion.uniform(0, 0x80000, 0xFF, 0x1000)),
      Optional.of(FlashModel.NRF52), "nRF52832_xxAA", false, 3).bus();

  private void waitReady() {
    int polls = 0;
    while (bus.read(NVMC + READY, 4) == 0) {
      polls++;
    }
    assertThat(polls).isEqualTo(3);
  }

  @Test
  void writesWordsOnlyWithWriteEnable() {
    assertThatThrownBy(() -> bus.write(0x1000, 4, 0))
        .isInstanceOf(BusFault.class).hasMessageContaining("WEN");
    bus.write(NVMC + CONFIG, 4, CONFIG_WEN);
    bus.write(0x1000, 4, 0x1234_5678);
    waitReady();
    bus.write(0x1000, 4, 0xFFFF_00FF);
    assertThat(bus.read(0x1000, 4)).isEqualTo(0x1234_0078);
    assertThatThrownBy(() -> bus.write(0x1002, 2, 0)).isInstanceOf(BusFault.class);
  }

  @Test
  void erasesOnePageWithEraseEnableAndIgnoresItOtherwise() {
    bus.write(NVMC + CONFIG, 4, CONFIG_WEN);
    bus.write(0x1FFC, 4, 0);
    bus.write(0x2000, 4, 0);
    bus.write(NVMC + ERASEPAGE, 4, 0x1000);
    assertThat(bus.read(0x1FFC, 4)).isZero();
    bus.write(NVMC + CONFIG, 4, CONFIG_EEN);
    bus.write(NVMC + ERASEPAGE, 4, 0x1000);
    waitReady();
    assertThat(bus.read(0x1FFC, 4)).isEqualTo(-1);
    assertThat(bus.read(0x2000, 4)).isZero();
    bus.write(NVMC + ERASEALL, 4, 1);
    waitReady();
    assertThat(bus.read(0x2000, 4)).isEqualTo(-1);
  }

  @Test
  void exposesThePageGeometryInFicr() {
    assertThat(bus.read(0x1000_0010, 4)).isEqualTo(0x1000);
    assertThat(bus.read(0x1000_0014, 4)).isEqualTo(128);
  }
}
