package dev.packs.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Our own nRF52 algorithm (test-algorithms/nrf52) erases and programs the whole 512 KiB nRF52832
 * through the NVMC model: CONFIG WEN/EEN, ERASEPAGE, ERASEALL and READY polling.
 */
class NordicAlgorithmTest {
  @Test
  void theSameAlgorithmRunsOnAnNrf51() {
    // The nRF51 NVMC is the nRF52's: our nRF52 algorithm erases and programs an nRF51822 too
    // (it is built for the Cortex-M4, so the core is one; the controller is what is tested).
    AlgorithmHarness h = new AlgorithmHarness(
        AlgorithmHarness.repoFile("test-algorithms/nrf52/build/packs_nrf52832.flm"),
        FlashModel.forDevice("nRF51822_xxAA").orElseThrow(), Core.CORTEX_M4, 0x4000);
    assertThat(h.init(2)).isZero();
    assertThat(h.programPage(0x2000, AlgorithmHarness.pattern(0x2000, PAGE))).isZero();
    assertThat(h.flash(0x2000, PAGE)).isEqualTo(AlgorithmHarness.pattern(0x2000, PAGE));
    assertThat(h.init(1)).isZero();
    assertThat(h.eraseSector(0x2000)).isZero();
    byte[] erased = new byte[PAGE];
    Arrays.fill(erased, (byte) 0xFF);
    assertThat(h.flash(0x2000, PAGE)).isEqualTo(erased);
  }

  private static final int PAGE = 0x1000;
  private static final int SIZE = 0x80000;

  @Test
  void erasesAndProgramsEveryPage() {
    AlgorithmHarness h = new AlgorithmHarness(
        AlgorithmHarness.repoFile("test-algorithms/nrf52/build/packs_nrf52832.flm"),
        FlashModel.NRF52, Core.CORTEX_M4, 0x10000);
    assertThat(h.init(2)).isZero();
    for (int at = 0; at < SIZE; at += PAGE) {
      assertThat(h.programPage(at, AlgorithmHarness.pattern(at, PAGE))).isZero();
    }
    assertThat(h.flash(0, SIZE)).isEqualTo(AlgorithmHarness.pattern(0, SIZE));

    assertThat(h.init(1)).isZero();
    assertThat(h.eraseSector(0x7F000)).isZero();
    byte[] expected = AlgorithmHarness.pattern(0, SIZE);
    Arrays.fill(expected, 0x7F000, SIZE, (byte) 0xFF);
    assertThat(h.flash(0, SIZE)).isEqualTo(expected);

    assertThat(h.eraseChip()).isZero();
    assertThat(h.flash(0, SIZE)).containsOnly((byte) 0xFF);
    assertThat(h.unInit(1)).isZero();
  }
}
