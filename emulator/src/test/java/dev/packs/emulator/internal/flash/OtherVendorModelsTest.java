package dev.packs.emulator.internal.flash;

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

/**
 * The controllers of the families with no vendor algorithm in the shared data (NXP Kinetis FTFx,
 * Microchip SAM NVMCTRL, Silicon Labs MSC, Nordic nRF91 NVMC, STM32H7 FLASH), driven register by register the way
 * their reference manuals describe, checking the flash array after each step.
 */
class OtherVendorModelsTest {
  private static MemoryBus device(FlashModel model, String name, long size, int sector) {
    return Machine.build(List.of(new RamRegion(0x2000_0000L, 0x8000)),
        List.of(FlashRegion.uniform(0, size, 0xFF, sector)), Optional.of(model), name, false, 2)
        .bus();
  }

  private static void waitUntil(MemoryBus bus, int address, int mask, int value) {
    for (int i = 0; i < 100 && (bus.read(address, 4) & mask) != value; i++) {
      // poll like an algorithm
    }
    assertThat(bus.read(address, 4) & mask).isEqualTo(value);
  }

  @Test
  void kinetisFtfeProgramsPhrasesAndErasesSectorsThroughFccob() {
    // MK64FN1M0: FTFE, 4 KiB sectors, 8-byte phrases; FCCOB0 is the command at 0x40020007.
    MemoryBus bus = device(FlashModel.KINETIS, "MK64FN1M0VLL12", 0x10_0000, 0x1000);
    int ftfe = 0x4002_0000;
    bus.write(ftfe + 0x04, 4, 0x07 << 24 | 0x1000);
    bus.write(ftfe + 0x08, 4, 0x1122_3344);
    bus.write(ftfe + 0x0C, 4, 0x5566_7788);
    bus.write(ftfe, 1, 0x80);
    assertThat(bus.read(ftfe, 1) & 0x80).as("CCIF clear while busy").isZero();
    waitUntil(bus, ftfe, 0x80, 0x80);
    assertThat(bus.read(0x1000, 4)).isEqualTo(0x1122_3344);
    assertThat(bus.read(0x1004, 4)).isEqualTo(0x5566_7788);
    // Programming it again needs bits back to 1: MGSTAT0. A longword program is ACCERR on FTFE.
    bus.write(ftfe + 0x08, 4, -1);
    bus.write(ftfe, 1, 0x80);
    waitUntil(bus, ftfe, 0x81, 0x81);
    bus.write(ftfe + 0x04, 4, 0x06 << 24 | 0x2000);
    bus.write(ftfe, 1, 0x80);
    assertThat(bus.read(ftfe, 1) & 0x20).isEqualTo(0x20);
    bus.write(ftfe, 1, 0x30);
    bus.write(ftfe + 0x04, 4, 0x09 << 24 | 0x1800);
    bus.write(ftfe, 1, 0x80);
    waitUntil(bus, ftfe, 0xB1, 0x80);
    assertThat(bus.read(0x1000, 4)).isEqualTo(-1);
    assertThatThrownBy(() -> bus.write(0x1000, 4, 0)).isInstanceOf(BusFault.class)
        .hasMessageContaining("FTFx commands");
  }

  @Test
  void samNvmctrlWritesThePageBufferWhenItsLastWordArrivesAndErasesRows() {
    // ATSAMD21G18: 256 KiB, 64-byte pages, rows of four pages; commands need the 0xA5 key.
    MemoryBus bus = device(FlashModel.SAM_NVMCTRL, "ATSAMD21G18A", 0x4_0000, 0x100);
    int nvm = 0x4100_4000;
    for (int i = 0; i < 64; i += 4) {
      bus.write(0x400 + i, 4, 0x0101_0101 * (i + 1));
    }
    waitUntil(bus, nvm + 0x14, 1, 1);
    assertThat(bus.read(0x43C, 4)).isEqualTo(0x0101_0101 * 61);
    bus.write(nvm, 2, 0x0002);
    assertThat(bus.read(nvm + 0x18, 2) & 0x4).as("PROGE without the key").isEqualTo(0x4);
    bus.write(nvm + 0x1C, 4, 0x440 / 2);
    bus.write(nvm, 2, 0xA502);
    waitUntil(bus, nvm + 0x14, 1, 1);
    assertThat(bus.read(0x400, 4)).as("row 0x400..0x4FF erased").isEqualTo(-1);
    assertThat(bus.read(nvm + 0x08, 4) & 0xFFFF).isEqualTo(0x1000);
  }

  @Test
  void efr32Series2MscProgramsWordsAndErasesPagesAfterTheLockKey() {
    // EFR32MG21: the MSC at 0x40030000, 8 KiB pages, SET/CLR aliases 0x1000/0x2000 above.
    MemoryBus bus = device(FlashModel.EFM32, "EFR32MG21A010F1024IM32", 0x10_0000, 0x2000);
    int msc = 0x4003_0000;
    bus.write(msc + 0x0C, 4, 1);
    assertThat(bus.read(msc + 0x0C, 4)).as("WRITECTRL ignores writes while locked").isZero();
    bus.write(msc + 0x3C, 4, 0x1B71);
    bus.write(msc + 0x100C, 4, 1);
    bus.write(msc + 0x14, 4, 0x2000);
    bus.write(msc + 0x18, 4, 0xCAFE_F00D);
    bus.write(msc + 0x18, 4, 0x1234_5678);
    waitUntil(bus, msc + 0x1C, 1, 0);
    assertThat(bus.read(0x2000, 4)).isEqualTo(0xCAFE_F00D);
    assertThat(bus.read(0x2004, 4)).isEqualTo(0x1234_5678);
    bus.write(msc + 0x14, 4, 0x2100);
    bus.write(msc + 0x10, 4, 1 << 1);
    waitUntil(bus, msc + 0x1C, 1, 0);
    assertThat(bus.read(0x2000, 4)).isEqualTo(-1);
    bus.write(msc + 0x14, 4, 0x20_0000);
    bus.write(msc + 0x10, 4, 1 << 1);
    assertThat(bus.read(msc + 0x1C, 4) & 0x4).as("INVADDR").isEqualTo(0x4);
  }

  @Test
  void nrf91NvmcErasesAPageWhenItsFirstWordIsWrittenAllOnes() {
    MemoryBus bus = device(FlashModel.NRF91, "nRF9160_xxAA", 0x10_0000, 0x1000);
    int nvmc = 0x5003_9000;
    bus.write(nvmc + 0x504, 4, 1);
    bus.write(0x3000, 4, 0x1234_5678);
    waitUntil(bus, nvmc + 0x400, 1, 1);
    bus.write(nvmc + 0x504, 4, 2);
    bus.write(0x3000, 4, -1);
    waitUntil(bus, nvmc + 0x400, 1, 1);
    assertThat(bus.read(0x3000, 4)).isEqualTo(-1);
    assertThatThrownBy(() -> bus.write(0x3004, 4, -1)).isInstanceOf(BusFault.class)
        .hasMessageContaining("first word");
    assertThat(bus.read(0x00FF_0220, 4)).isEqualTo(0x1000);
  }

  @Test
  void stm32h7ProgramsWholeFlashWordsPerBankAndErasesSectors() {
    // STM32H743: two banks of 1 MiB, 128 KiB sectors, 256-bit flash words, one CR/SR per bank.
    MemoryBus bus = Machine.build(List.of(new RamRegion(0x2400_0000L, 0x8000)),
        List.of(FlashRegion.uniform(0x0800_0000L, 0x20_0000, 0xFF, 0x2_0000)),
        Optional.of(FlashModel.STM32H7), "STM32H743ZITx", false, 2).bus();
    int flash = 0x5200_2000;
    int bank2 = 0x0810_0000;
    bus.write(flash + 0x104, 4, 0x4567_0123);
    bus.write(flash + 0x104, 4, 0xCDEF_89AB);
    assertThatThrownBy(() -> bus.write(bank2, 4, 0)).as("bank 2 takes writes only with PG")
        .isInstanceOf(BusFault.class).hasMessageContaining("FLASH_CR2");
    bus.write(flash + 0x10C, 4, 0x32);
    for (int i = 0; i < 7; i++) {
      bus.write(bank2 + 4 * i, 4, i);
    }
    assertThat(bus.read(bank2, 4)).as("nothing before the eighth word").isEqualTo(-1);
    assertThat(bus.read(flash + 0x110, 4) & 0x2).as("WBNE").isEqualTo(0x2);
    bus.write(bank2 + 28, 4, 7);
    waitUntil(bus, flash + 0x110, 0x4, 0);
    assertThat(bus.read(bank2 + 28, 4)).isEqualTo(7);
    bus.write(bank2 + 32, 4, 8);
    bus.write(bank2 + 96, 4, 9);
    assertThat(bus.read(flash + 0x110, 4) & (1 << 21)).as("INCERR").isNotZero();
    bus.write(flash + 0x10C, 4, 0x4 | 1 << 7);
    waitUntil(bus, flash + 0x110, 0x4, 0);
    assertThat(bus.read(bank2, 4)).isEqualTo(-1);
    assertThat(bus.read(0x1FF1_E880, 2)).isEqualTo(2048);
  }
}
