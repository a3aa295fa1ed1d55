package dev.packs.emulator;

import static dev.packs.emulator.VendorAlgorithm.erased;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The STM32L4/G0 page controller (FlashModel STM32L4, STM32G0; the WL shares it at another base).
 * No ST algorithm for these families is in the shared data, so our own STM32G4 algorithm (written
 * from RM0440; the L4 and G0 FLASH blocks have the same KEYR/SR/CR layout at 0x40022000) drives it
 * on real L4 and G0 devices, and the dual-bank rule is checked at register level.
 */
class Stm32l4ModelTest {
  private static final long FLASH = 0x0800_0000L;
  private static final String G4_ALGORITHM = "test-algorithms/stm32g4/build/packs_stm32g4_128k.flm";

  private static void programAndErase(VendorAlgorithm a) {
    int page = a.pageSize();
    assertThat(a.init(2).succeeded()).isTrue();
    for (long at : new long[] {FLASH, FLASH + 0x800, FLASH + 0x1F800}) {
      assertThat(a.programPage(at, VendorAlgorithm.pattern(at, page)).result()).isZero();
    }
    assertThat(a.programPage(FLASH, VendorAlgorithm.pattern(FLASH + 1, page)).result())
        .as("PROGERR over programmed double-words").isNotZero();
    assertThat(a.unInit(2).succeeded()).isTrue();
    assertThat(a.init(1).succeeded()).isTrue();
    assertThat(a.eraseSector(FLASH + 0x800).result()).isZero();
    assertThat(a.emulator.read(FLASH + 0x800, 0x800)).isEqualTo(erased(0x800));
    assertThat(a.emulator.read(FLASH + 0x1F800, page))
        .isEqualTo(VendorAlgorithm.pattern(FLASH + 0x1F800, page));
    assertThat(a.unInit(1).succeeded()).isTrue();
  }

  @Test
  void l4PageControllerRunsAnL4Device() {
    // STM32L432KC: 256 KiB single bank of 2 KiB pages.
    programAndErase(VendorAlgorithm.on(G4_ALGORITHM,
        "pdsc/Keil.STM32L4xx_DFP.v3.0.0-dev-2-ge65ee2a.pdsc", "STM32L432KCUx"));
  }

  @Test
  void g0PageControllerRunsAG0Device() {
    // STM32G071RB: 128 KiB of 2 KiB pages; its DBGMCU sits on the APB at 0x40015800. Our
    // algorithm is built for the Cortex-M4, so the core is one; the controller is what is tested.
    VendorAlgorithm a = VendorAlgorithm.on(G4_ALGORITHM, "pdsc/Keil.STM32G0xx_DFP.1.3.0.pdsc",
        "STM32G071RBTx", EmulatorBuilder.DEFAULT_BUSY_POLLS, Optional.of(Core.CORTEX_M4));
    programAndErase(a);
    assertThat(a.emulator.readWord(0x4001_5800L) & 0xFFF).isEqualTo(0x460);
  }

  @Test
  void dualBankL4ErasesThePageBkerNames() {
    // STM32L476RG: two banks of 512 KiB; PNB counts pages inside the bank BKER picks.
    Emulator e = Emulator.builder().model(FlashModel.STM32L4).device("STM32L476RGTx")
        .memoryMap(List.of(new DeviceMemory("IRAM1", 0x2000_0000L, 0x18000, true),
            new DeviceMemory("IROM1", FLASH, 0x10_0000, false)))
        .build();
    e.loadFlash(FLASH + 0x8_0000, new byte[] {1, 2, 3, 4});
    e.loadFlash(FLASH, new byte[] {1, 2, 3, 4});
    e.writeWord(0x4002_2008L, 0x4567_0123);
    e.writeWord(0x4002_2008L, 0xCDEF_89AB);
    e.writeWord(0x4002_2014L, 0x2 | 1 << 11);
    e.writeWord(0x4002_2014L, 0x2 | 1 << 11 | 1 << 16);
    assertThat(e.readWord(FLASH + 0x8_0000)).isEqualTo(-1);
    assertThat(e.readWord(FLASH)).isEqualTo(0x0403_0201);
  }
}
