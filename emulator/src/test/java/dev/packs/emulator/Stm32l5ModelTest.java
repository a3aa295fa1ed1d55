package dev.packs.emulator;

import static dev.packs.emulator.VendorAlgorithm.erased;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The STM32L5/U5 controller driven by ST's algorithms: the secure algorithm takes the secure
 * register set (the device is set up with TrustZone, as it expects) yet picks the wrong bank, BKER
 * selects bank 2 for the non-secure one, the U5's
 * quad-word programs, and the option registers the L5 option algorithm stores and verifies.
 */
class Stm32l5ModelTest {
  @Test
  void secureAlgorithmUsesSecureRegistersButErasesBankOneWhenAskedForBankTwo() {
    // STM32L552ZE: 512 KiB in two banks of 2 KiB pages; the secure alias is 0x0C000000. ST's secure
    // algorithm masks the address to 0x08xxxxxx before comparing it with the secure base, so
    // bank 2 is never selected: asked for 0x0C040000 it erases page 0 of bank 1.
    VendorAlgorithm a = VendorAlgorithm.on("STM32L5xx_DFP/STM32L5x_512_0C00.FLM", SharedFlms.L5,
        "STM32L552ZETxQ");
    int page = a.pageSize();
    long bank2 = 0x0C04_0000L;
    assertThat(a.init(2).succeeded()).isTrue();
    assertThat(a.registersWritten()).contains("FLASH_SECKEYR", "FLASH_SECBB1R1");
    for (long at : new long[] {0x0C00_0000L, bank2}) {
      assertThat(a.programPage(at, VendorAlgorithm.pattern(at, page)).result()).isZero();
    }
    assertThat(a.registersWritten()).contains("FLASH_SECCR").doesNotContain("FLASH_NSCR");
    assertThat(a.unInit(2).succeeded()).isTrue();
    assertThat(a.init(1).succeeded()).isTrue();
    FlashImage before = a.emulator.flashImage();
    assertThat(a.eraseSector(bank2).result()).as("the algorithm believes it succeeded").isZero();
    assertThat(a.emulator.changedPages(before, page))
        .containsExactly(new MemoryRange(0x0800_0000L, page));
    assertThat(Arrays.equals(a.emulator.read(bank2, page), VendorAlgorithm.pattern(bank2, page)))
        .isTrue();
  }

  @Test
  void nonSecureAlgorithmErasesThePageOfTheBankItNames() {
    VendorAlgorithm a = VendorAlgorithm.on("STM32L5xx_DFP/STM32L5x_512_0800.FLM", SharedFlms.L5,
        "STM32L552ZETxQ");
    int page = a.pageSize();
    long bank2 = 0x0804_0000L;
    assertThat(a.init(2).succeeded()).isTrue();
    for (long at : new long[] {0x0800_0000L, bank2, bank2 + page}) {
      assertThat(a.programPage(at, VendorAlgorithm.pattern(at, page)).result()).isZero();
    }
    assertThat(a.unInit(2).succeeded()).isTrue();
    assertThat(a.init(1).succeeded()).isTrue();
    FlashImage before = a.emulator.flashImage();
    assertThat(a.eraseSector(bank2).result()).isZero();
    // Both 1 KiB program pages lie in the one 2 KiB flash page that was erased.
    assertThat(a.emulator.changedPages(before, page))
        .containsExactly(new MemoryRange(bank2, 0x800));
    assertThat(Arrays.equals(a.emulator.read(bank2, 0x800), erased(0x800))).isTrue();
  }

  @Test
  void u5AlgorithmProgramsQuadWordsAndRefusesUnerasedOnes() {
    // STM32U575ZI: 2 MiB, two banks of 8 KiB pages, 128-bit programs.
    VendorAlgorithm a = VendorAlgorithm.on("STM32U5xx_DFP/STM32U5xx_2M_0800.FLM", SharedFlms.U5,
        "STM32U575ZITx");
    int page = a.pageSize();
    long bank2 = 0x0810_0000L;
    assertThat(a.init(2).succeeded()).isTrue();
    assertThat(a.programPage(bank2, VendorAlgorithm.pattern(bank2, page)).result()).isZero();
    // PROGERR: the quad-words are not erased.
    assertThat(a.programPage(bank2, VendorAlgorithm.pattern(bank2 + 1, page)).result())
        .isEqualTo(1);
    assertThat(a.unInit(2).succeeded()).isTrue();
    assertThat(Arrays.equals(a.emulator.read(bank2, page), VendorAlgorithm.pattern(bank2, page))).isTrue();
    assertThat(a.init(1).succeeded()).isTrue();
    assertThat(a.eraseSector(bank2 + 0x2000).result()).isZero();
    assertThat(Arrays.equals(a.emulator.read(bank2, page), VendorAlgorithm.pattern(bank2, page))).isTrue();
    assertThat(a.eraseSector(bank2).result()).isZero();
    assertThat(Arrays.equals(a.emulator.read(bank2, 0x2000), erased(0x2000))).isTrue();
  }

  @Test
  void optionAlgorithmStoresTheOptionRegisters() {
    VendorAlgorithm a = VendorAlgorithm.on("STM32L5xx_DFP/STM32L5x_OPT.FLM", SharedFlms.L5,
        "STM32L552ZETxQ");
    byte[] options = VendorAlgorithm.pattern(0x1FF0_0000L, 0x30);
    assertThat(a.init(2).succeeded()).isTrue();
    assertThat(a.programPage(0x1FF0_0000L, options).result()).isZero();
    assertThat(a.registersWritten()).contains("FLASH_OPTR", "FLASH_WRP2BR", "FLASH_NSCR");
    assertThat(a.verify(0x1FF0_0000L, options).orElseThrow().result()).isEqualTo(0x1FF0_0030L);
    // OPTSTRT stored the registers: the stored copy at 0x1FF00000 holds what OPTR now reads.
    assertThat(a.emulator.readWord(0x1FF0_0000L)).isEqualTo(a.emulator.readWord(0x4002_2040L));
  }
}
