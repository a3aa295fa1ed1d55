package dev.packs.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packs.flm.SectorRun;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Our own SFC algorithms (test-algorithms/build), for Cortex-M0 and Cortex-M4 at -O0, -Os and -O2,
 * erase and program the whole 128 KiB device (both sector sizes) in the emulator, and the flash
 * holds exactly what was programmed afterwards.
 */
class SfcAlgorithmTest {
  private static final long FLASH = 0x0800_0000L;

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "sfc_m0_O0, CORTEX_M0", "sfc_m0_Os, CORTEX_M0", "sfc_m0_O2, CORTEX_M0",
    "sfc_m4_O0, CORTEX_M4", "sfc_m4_Os, CORTEX_M4", "sfc_m4_O2, CORTEX_M4"
  })
  void erasesAndProgramsEverySectorOfTheDevice(String name, Core core) {
    AlgorithmHarness h = new AlgorithmHarness(
        AlgorithmHarness.repoFile("test-algorithms/build/" + name + ".flm"), FlashModel.SFC, core,
        0x8000);
    int page = (int) h.algorithm.device().pageSize();
    int size = (int) h.algorithm.device().size();

    assertThat(h.init(2)).isZero();
    for (int at = 0; at < size; at += page) {
      assertThat(h.programPage(FLASH + at, AlgorithmHarness.pattern(FLASH + at, page)))
          .as("program 0x%08X", FLASH + at).isZero();
    }
    assertThat(h.unInit(2)).isZero();
    assertThat(h.flash(FLASH, size)).isEqualTo(AlgorithmHarness.pattern(FLASH, size));

    assertThat(h.init(1)).isZero();
    for (SectorRun run : h.algorithm.sectors()) {
      // Erase the second sector of each run; its neighbours must keep their data.
      long sector = run.start() + run.size();
      assertThat(h.eraseSector(sector)).isZero();
      byte[] expected = AlgorithmHarness.pattern(FLASH, size);
      Arrays.fill(expected, (int) (sector - FLASH), (int) (sector - FLASH + run.size()), (byte) 0xFF);
      assertThat(h.flash(FLASH, size)).as("only sector 0x%08X erased", sector).isEqualTo(expected);
      reprogram(h, sector, run.size(), page);
    }
    assertThat(h.unInit(1)).isZero();
    assertThat(h.flash(FLASH, size)).isEqualTo(AlgorithmHarness.pattern(FLASH, size));

    assertThat(h.init(1)).isZero();
    assertThat(h.eraseChip()).isZero();
    assertThat(h.flash(FLASH, size)).containsOnly((byte) 0xFF);
  }

  private static void reprogram(AlgorithmHarness h, long sector, long size, int page) {
    for (long at = sector; at < sector + size; at += page) {
      assertThat(h.programPage(at, AlgorithmHarness.pattern(at, page))).isZero();
    }
  }
}
