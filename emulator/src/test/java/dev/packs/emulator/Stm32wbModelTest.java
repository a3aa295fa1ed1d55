package dev.packs.emulator;

import static dev.packs.emulator.VendorAlgorithm.erased;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The STM32WB page controller at 0x58004000 driven by ST's WB algorithms: 4 KiB pages on the
 * WB55, 2 KiB on the WB15, double-word programs, and option bytes at 0x1FFF8000 that OPTSTRT
 * writes as word and complement, which the option algorithm's Verify reads back.
 */
class Stm32wbModelTest {
  private static final long FLASH = 0x0800_0000L;

  @Test
  void wb55AlgorithmErasesOneFourKibPageAndTheWholeFlash() {
    VendorAlgorithm a = VendorAlgorithm.on("STM32WBxx_DFP/STM32WB5x_M4_1024.FLM", SharedFlms.WB,
        "STM32WB55CGUx");
    int page = a.pageSize();
    assertThat(a.init(2).succeeded()).isTrue();
    for (long at : new long[] {FLASH, FLASH + 0x1000, FLASH + 0x2000}) {
      assertThat(a.programPage(at, VendorAlgorithm.pattern(at, page)).result()).isZero();
    }
    assertThat(a.unInit(2).succeeded()).isTrue();
    assertThat(a.init(1).succeeded()).isTrue();
    assertThat(a.eraseSector(FLASH + 0x1000).result()).isZero();
    assertThat(a.emulator.read(FLASH + 0x1000, 0x1000)).isEqualTo(erased(0x1000));
    assertThat(a.emulator.read(FLASH + 0x2000, page))
        .isEqualTo(VendorAlgorithm.pattern(FLASH + 0x2000, page));
    assertThat(a.call("EraseChip", a.placed.entryPoints().eraseChip().getAsLong()).result())
        .isZero();
    assertThat(a.emulator.read(FLASH, 0x3000)).isEqualTo(erased(0x3000));
  }

  @Test
  void wb15AlgorithmUsesTwoKibPages() {
    VendorAlgorithm a = VendorAlgorithm.on("STM32WBxx_DFP/STM32WB1x_320_M4.FLM", SharedFlms.WB,
        "STM32WB15CCUx");
    int page = a.pageSize();
    assertThat(a.init(2).succeeded()).isTrue();
    assertThat(a.programPage(FLASH + 0x800, VendorAlgorithm.pattern(FLASH + 0x800, page))
        .result()).isZero();
    assertThat(a.programPage(FLASH + 0x1000, VendorAlgorithm.pattern(FLASH + 0x1000, page))
        .result()).isZero();
    assertThat(a.unInit(2).succeeded()).isTrue();
    assertThat(a.init(1).succeeded()).isTrue();
    assertThat(a.eraseSector(FLASH + 0x800).result()).isZero();
    assertThat(a.emulator.read(FLASH + 0x800, 0x800)).isEqualTo(erased(0x800));
    assertThat(a.emulator.read(FLASH + 0x1000, page))
        .isEqualTo(VendorAlgorithm.pattern(FLASH + 0x1000, page));
  }

  @Test
  void optionAlgorithmStoresWordAndComplementAt0x1fff8000() {
    VendorAlgorithm a = VendorAlgorithm.on("STM32WBxx_DFP/STM32WB55x_35x_M4_OPT.FLM",
        SharedFlms.WB, "STM32WB55CGUx");
    byte[] options = VendorAlgorithm.pattern(0x1FFF_8000L, 0x20);
    assertThat(a.init(2).succeeded()).isTrue();
    assertThat(a.programPage(0x1FFF_8000L, options).result()).isZero();
    int optr = a.emulator.readWord(0x5800_4020L);
    assertThat(a.emulator.readWord(0x1FFF_8000L)).isEqualTo(optr);
    assertThat(a.emulator.readWord(0x1FFF_8004L)).isEqualTo(~optr);
    assertThat(a.verify(0x1FFF_8000L, options).orElseThrow().result()).isEqualTo(0x1FFF_8020L);
  }
}
