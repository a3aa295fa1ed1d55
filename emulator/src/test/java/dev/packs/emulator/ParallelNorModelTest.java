package dev.packs.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packs.target.StopReason;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The AMD-command-set NOR chip on the STM32F7 FMC, driven by ST's algorithm for the Micron
 * PC28F128M29EW on the STM32756G-EVAL board: unlock cycles, half-word programs, sector erase, and
 * toggle-bit polling of the flash array itself.
 */
class ParallelNorModelTest {
  private static final long NOR = 0x6000_0000L;

  private static VendorAlgorithm nor() {
    return VendorAlgorithm.on("STM32F7xx_DFP/STM32F7xx_NOR_Micron.FLM", SharedFlms.F7,
        "STM32F756NGHx");
  }

  @Test
  void programsPagesAndErasesOneSector() {
    VendorAlgorithm a = nor();
    int page = a.pageSize();
    long second = NOR + 0x2_0000L;
    assertThat(a.init(2).succeeded()).isTrue();
    assertThat(a.registersWritten()).contains("FMC_BCR1", "GPIOD_AFRL", "RCC_AHB3ENR");
    assertThat(a.programPage(NOR, VendorAlgorithm.pattern(NOR, page)).result()).isZero();
    assertThat(a.programPage(second, VendorAlgorithm.pattern(second, page)).result()).isZero();
    assertThat(a.init(1).succeeded()).isTrue();
    assertThat(a.eraseSector(NOR).result()).isZero();
    byte[] erased = new byte[0x2_0000];
    Arrays.fill(erased, (byte) 0xFF);
    assertThat(Arrays.equals(a.emulator.read(NOR, erased.length), erased)).isTrue();
    assertThat(a.emulator.read(second, page)).isEqualTo(VendorAlgorithm.pattern(second, page));
  }

  @Test
  void reportsAProgramOverDataAsTheChipsTimeoutBit() {
    // A half-word that would need a 0 turned back into 1 fails: DQ5 set, the algorithm returns 1.
    VendorAlgorithm a = nor();
    int page = a.pageSize();
    assertThat(a.init(2).succeeded()).isTrue();
    assertThat(a.programPage(NOR, VendorAlgorithm.pattern(NOR, page)).result()).isZero();
    assertThat(a.programPage(NOR, VendorAlgorithm.pattern(NOR + 1, page)).result()).isEqualTo(1);
  }

  @Test
  void namesTheFlashAddressAHungTogglePollReads() {
    // A chip that never leaves its busy state: the erase's toggle-bit loop reads the array for ever.
    VendorAlgorithm a = VendorAlgorithm.on("STM32F7xx_DFP/STM32F7xx_NOR_Micron.FLM",
        SharedFlms.F7, "STM32F756NGHx", Integer.MAX_VALUE - 1);
    assertThat(a.init(1).succeeded()).isTrue();
    VendorAlgorithm.Call erase = a.eraseSector(NOR + 0x4_0000L);
    assertThat(erase.halt().reason()).isEqualTo(StopReason.LIMIT);
    assertThat(a.emulator.polledAddress()).hasValue(NOR + 0x4_0000L);
    assertThat(erase.explanation()).hasValueSatisfying(e -> assertThat(e)
        .contains("NOR status (toggle bits) (0x60040000)"));
  }
}
