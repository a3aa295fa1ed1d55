package dev.packs.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import dev.packs.target.Halt;
import dev.packs.target.StopReason;
import org.junit.jupiter.api.Test;

/**
 * Our own STM32G4 algorithm (test-algorithms/stm32g4, written from RM0440) drives the STM32G4 model
 * the way vendor algorithms do: KEYR unlock, BSY polling, PER/PNB page erase, double-word programs.
 */
class Stm32g4AlgorithmTest {
  private static final long FLASH = 0x0800_0000L;
  private static final int PAGE = 0x800;
  private static final int SIZE = 0x20000;

  private static AlgorithmHarness harness(String flm) {
    return new AlgorithmHarness(AlgorithmHarness.repoFile("test-algorithms/stm32g4/build/" + flm),
        FlashModel.STM32G4, Core.CORTEX_M4, 0x8000);
  }

  @Test
  void erasesAndProgramsEveryPageOfTheG431() {
    AlgorithmHarness h = harness("packs_stm32g4_128k.flm");
    assertThat(h.init(2)).isZero();
    for (int at = 0; at < SIZE; at += PAGE) {
      assertThat(h.programPage(FLASH + at, AlgorithmHarness.pattern(FLASH + at, PAGE))).isZero();
    }
    assertThat(h.unInit(2)).isZero();
    assertThat(h.flash(FLASH, SIZE)).isEqualTo(AlgorithmHarness.pattern(FLASH, SIZE));

    assertThat(h.init(1)).isZero();
    assertThat(h.eraseSector(FLASH + 31 * PAGE)).isZero();
    assertThat(h.unInit(1)).isZero();
    byte[] expected = AlgorithmHarness.pattern(FLASH, SIZE);
    Arrays.fill(expected, 31 * PAGE, 32 * PAGE, (byte) 0xFF);
    assertThat(h.flash(FLASH, SIZE)).isEqualTo(expected);

    assertThat(h.init(1)).isZero();
    assertThat(h.eraseChip()).isZero();
    assertThat(h.flash(FLASH, SIZE)).containsOnly((byte) 0xFF);
  }

  @Test
  void refusesToProgramOverDataWithoutAnErase() {
    AlgorithmHarness h = harness("packs_stm32g4_128k.flm");
    assertThat(h.init(2)).isZero();
    assertThat(h.programPage(FLASH, AlgorithmHarness.pattern(FLASH, PAGE))).isZero();
    // PROGERR: the double words are not erased any more.
    assertThat(h.programPage(FLASH, AlgorithmHarness.pattern(FLASH + 1, PAGE))).isEqualTo(1);
    assertThat(h.flash(FLASH, PAGE)).isEqualTo(AlgorithmHarness.pattern(FLASH, PAGE));
  }

  @Test
  void showsAWrongPageEraseInTheChangedPages() {
    // The broken variant erases page 0 when asked for page 32 (0x08010000).
    AlgorithmHarness h = harness("packs_stm32g4_128k_wrongpage.flm");
    assertThat(h.init(2)).isZero();
    assertThat(h.programPage(FLASH, AlgorithmHarness.pattern(FLASH, PAGE))).isZero();
    assertThat(h.programPage(FLASH + 0x10000, AlgorithmHarness.pattern(FLASH + 0x10000, PAGE)))
        .isZero();
    assertThat(h.unInit(2)).isZero();
    FlashImage before = h.emulator.flashImage();

    assertThat(h.init(1)).isZero();
    assertThat(h.eraseSector(FLASH + 0x10000)).as("the algorithm believes it succeeded").isZero();

    assertThat(h.emulator.changedPages(before, PAGE))
        .containsExactly(new MemoryRange(FLASH, PAGE));
    assertThat(h.flash(FLASH + 0x10000, PAGE))
        .isEqualTo(AlgorithmHarness.pattern(FLASH + 0x10000, PAGE));
    assertThat(h.flash(FLASH, PAGE)).containsOnly((byte) 0xFF);
  }

  @Test
  void namesTheStatusRegisterAHungAlgorithmPolls() {
    // A controller whose BSY never clears: the erase waits for ever on FLASH_SR.
    AlgorithmHarness h = new AlgorithmHarness(
        AlgorithmHarness.repoFile("test-algorithms/stm32g4/build/packs_stm32g4_128k.flm"),
        FlashModel.STM32G4, Core.CORTEX_M4, 0x8000, Integer.MAX_VALUE);
    assertThat(h.init(1)).isZero();
    Halt halt = h.startLimited(200_000, h.placed.entryPoints().eraseSector(), FLASH);
    assertThat(halt.reason()).isEqualTo(StopReason.LIMIT);
    assertThat(halt.instructions()).isEqualTo(200_000);
    assertThat(h.emulator.polledAddress()).hasValue(0x4002_2010L);
    assertThat(h.emulator.registerName(0x4002_2010L)).contains("FLASH_SR");
  }
}
