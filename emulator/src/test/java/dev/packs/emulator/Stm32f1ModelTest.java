package dev.packs.emulator;

import static dev.packs.emulator.VendorAlgorithm.erased;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The STM32F1-style controller (FlashModel STM32F1, GD32, MM32) driven by the vendors' own
 * algorithms: ST's STM32F3 main-flash and option-byte algorithms, GigaDevice's GD32F30x XD
 * algorithm across its two banks, MindMotion's MM32F103 algorithm.
 */
class Stm32f1ModelTest {
  private static final long FLASH = 0x0800_0000L;

  @Test
  void stmF3AlgorithmProgramsErasesAndRefusesToProgramOverData() {
    // STM32F303VC: 256 KiB of 2 KiB pages, half-word programs.
    VendorAlgorithm a = VendorAlgorithm.on("STM32F3xx_DFP/STM32F3xx_256.FLM", SharedFlms.F3,
        "STM32F303VCTx");
    int page = a.pageSize();
    assertThat(a.init(2).succeeded()).isTrue();
    for (long at : new long[] {FLASH, FLASH + 0x800, FLASH + 0x1000}) {
      assertThat(a.programPage(at, VendorAlgorithm.pattern(at, page)).result()).isZero();
    }
    // PGERR: the half-words are programmed already.
    assertThat(a.programPage(FLASH, VendorAlgorithm.pattern(FLASH + 2, page)).result()).isEqualTo(1);
    assertThat(a.init(1).succeeded()).isTrue();
    assertThat(a.eraseSector(FLASH + 0x800).result()).isZero();
    assertThat(a.emulator.read(FLASH, page)).isEqualTo(VendorAlgorithm.pattern(FLASH, page));
    assertThat(a.emulator.read(FLASH + 0x800, 0x800)).isEqualTo(erased(0x800));
    assertThat(a.emulator.read(FLASH + 0x1000, page))
        .isEqualTo(VendorAlgorithm.pattern(FLASH + 0x1000, page));
    assertThat(a.call("EraseChip", a.placed.entryPoints().eraseChip().getAsLong()).result())
        .isZero();
    assertThat(a.emulator.read(FLASH, 0x40000)).isEqualTo(erased(0x40000));
  }

  @Test
  void stmF3OptionAlgorithmErasesAndProgramsTheOptionBytes() {
    // The F3 option bytes are flash at 0x1FFFF800: OPTER erases them, OPTPG programs half-words.
    VendorAlgorithm a = VendorAlgorithm.on("STM32F3xx_DFP/STM32F3xx_OPT.FLM", SharedFlms.F3,
        "STM32F303VCTx");
    byte[] options = {(byte) 0xAA, 0x55, (byte) 0xFF, 0x00, 0x12, (byte) 0xED, 0x34, (byte) 0xCB,
        (byte) 0xFF, 0x00, (byte) 0xFF, 0x00, (byte) 0xFF, 0x00, (byte) 0xFF, 0x00};
    assertThat(a.init(2).succeeded()).isTrue();
    assertThat(a.programPage(0x1FFF_F800L, options).result()).isZero();
    assertThat(a.emulator.read(0x1FFF_F800L, 16)).isEqualTo(options);
    assertThat(a.init(1).succeeded()).isTrue();
    assertThat(a.eraseSector(0x1FFF_F800L).result()).isZero();
    assertThat(a.emulator.read(0x1FFF_F800L, 16)).isEqualTo(erased(16));
  }

  @Test
  void gd32AlgorithmUsesTheSecondRegisterSetAbove512KiB() {
    // GD32F303RK: 3 MiB; the FMC's bank 1 registers (CTL1, ADDR1) serve the flash above 512 KiB.
    VendorAlgorithm a = VendorAlgorithm.on("GigaDevice.GD32F30x_DFP.2.0.0/GD32F30x_XD.FLM",
        SharedFlms.GD + "GD32F30x_DFP.2.0.0.pdsc", "GD32F303RK");
        int page = a.pageSize();
    long high = FLASH + 0x10_0000;
    assertThat(a.init(2).succeeded()).isTrue();
    assertThat(a.programPage(FLASH, VendorAlgorithm.pattern(FLASH, page)).result()).isZero();
    assertThat(a.programPage(high, VendorAlgorithm.pattern(high, page)).result()).isZero();
    assertThat(a.registersWritten()).contains("FMC_CTL1").doesNotContain("FMC_CTL0");
    assertThat(a.init(1).succeeded()).isTrue();
    assertThat(a.eraseSector(high).result()).isZero();
    assertThat(a.emulator.read(high, page)).isEqualTo(erased(page));
    assertThat(a.emulator.read(FLASH, page)).isEqualTo(VendorAlgorithm.pattern(FLASH, page));
    assertThat(a.emulator.describe(0x4002_2050L)).contains("FMC_CTL1");
  }

  @Test
  void mm32AlgorithmProgramsHalfWordsAndErasesPages() {
    // MM32F103RB: 128 KiB of 1 KiB pages behind an STM32F1-compatible FLASH block.
    VendorAlgorithm a = VendorAlgorithm.on("MindMotion.MM32F103x8xB_DFP.1.4.6/MM32F103_128.FLM",
        "pdsc/MindMotion.MM32F103x8xB_DFP.1.4.6.pdsc", "MM32F103RBT");
    int page = a.pageSize();
    long last = FLASH + 0x1FC00;
    assertThat(a.init(2).succeeded()).isTrue();
    assertThat(a.programPage(last, VendorAlgorithm.pattern(last, page)).result()).isZero();
    assertThat(a.emulator.read(last, page)).isEqualTo(VendorAlgorithm.pattern(last, page));
    assertThat(a.init(1).succeeded()).isTrue();
    assertThat(a.eraseSector(last).result()).isZero();
    assertThat(a.emulator.read(last, page)).isEqualTo(erased(page));
  }
}
