package dev.packs.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packs.flm.RamWindow;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlgorithmRamTest {
  // A map like an STM32H7's: flash, a default rw RAM, a non-default rwx RAM, and a default rwx RAM.
  private static final ResolvedTarget.Memory FLASH =
      new ResolvedTarget.Memory("IROM1", 0x0800_0000L, 0x2_0000, "rx", true, true);
  private static final ResolvedTarget.Memory DTCM =
      new ResolvedTarget.Memory("DTCM", 0x2000_0000L, 0x2_0000, "rw", true, false);
  private static final ResolvedTarget.Memory SRAM1 =
      new ResolvedTarget.Memory("SRAM1", 0x3000_0000L, 0x2_0000, "rwx", false, false);
  private static final ResolvedTarget.Memory AXI =
      new ResolvedTarget.Memory("AXI", 0x2400_0000L, 0x8_0000, "rwx", true, false);

  @Test
  void thePacksRamStartAndSizeWin() {
    assertThat(AlgorithmRam.choose(List.of(FLASH, DTCM, AXI), Optional.of(0x2000_1000L), Optional.of(0x800L)))
        .hasValue(new RamWindow(0x2000_1000L, 0x800));
  }

  @Test
  void aRamStartWithoutSizeRunsToTheEndOfTheRamHoldingIt() {
    assertThat(AlgorithmRam.choose(List.of(FLASH, DTCM, AXI), Optional.of(0x2000_1000L), Optional.empty()))
        .hasValue(new RamWindow(0x2000_1000L, 0x1_F000));
  }

  @Test
  void aRamStartOutsideEveryRamFallsBackToTheDefault() {
    assertThat(AlgorithmRam.choose(List.of(FLASH, DTCM, AXI), Optional.of(0x1000_0000L), Optional.empty()))
        .hasValue(new RamWindow(0x2400_0000L, 0x8_0000));
  }

  @Test
  void prefersTheDefaultExecutableRamThenTheDefaultThenTheFirstWritable() {
    assertThat(AlgorithmRam.choose(List.of(FLASH, DTCM, SRAM1, AXI), Optional.empty(), Optional.empty()))
        .hasValue(new RamWindow(0x2400_0000L, 0x8_0000));
    assertThat(AlgorithmRam.choose(List.of(FLASH, SRAM1, DTCM), Optional.empty(), Optional.empty()))
        .hasValue(new RamWindow(0x2000_0000L, 0x2_0000));
    ResolvedTarget.Memory plain = new ResolvedTarget.Memory("RAM", 0x1000_0000L, 0x400, "rw", false, false);
    assertThat(AlgorithmRam.choose(List.of(FLASH, plain), Optional.empty(), Optional.empty()))
        .hasValue(new RamWindow(0x1000_0000L, 0x400));
  }

  @Test
  void noWritableMemoryMeansNoWindow() {
    assertThat(AlgorithmRam.choose(List.of(FLASH), Optional.empty(), Optional.empty())).isEmpty();
  }
}
