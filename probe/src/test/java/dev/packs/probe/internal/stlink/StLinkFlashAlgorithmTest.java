package dev.packs.probe.internal.stlink;

import dev.packs.probe.internal.dap.AlgorithmCalls;

import dev.packs.probe.UsbCounters;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.packs.probe.ProbeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our own STM32G4 flash algorithm (test-algorithms/stm32g4, written from RM0440) run through the
 * ST-Link stack on the virtual NUCLEO-G431KB: placed in RAM with WRITEMEM, called with
 * WRITEREG/WRITE_DEBUG_REG, polled with READ_DEBUG_REG, checked in the emulated flash itself.
 */
class StLinkFlashAlgorithmTest {
  private static final long FLASH = 0x0800_0000L;
  private static final int PAGE = 0x800;
  /** The seed's base address 0x0800A800 is page 21. */
  private static final long SEED_PAGE = 0x0800_A800L;

  private static VirtualStLink nucleo() {
    return new VirtualStLink(VirtualG431.build(), VirtualFirmware.NUCLEO_G431KB, StLinkMode.MASS_STORAGE,
        Optional.empty());
  }

  @Test
  void erasesAndProgramsAPageThroughTheProbe() {
    VirtualStLink probe = nucleo();
    try (StLinkTarget target = probe.attach()) {
      AlgorithmCalls g4 = AlgorithmCalls.stm32g4(target);
      byte[] page = AlgorithmCalls.pattern(SEED_PAGE, PAGE);
      assertThat(g4.init(1)).isZero();
      assertThat(g4.eraseSector(SEED_PAGE)).isZero();
      assertThat(g4.unInit(1)).isZero();
      assertThat(g4.init(2)).isZero();
      assertThat(g4.programPage(SEED_PAGE, page)).isZero();
      assertThat(g4.unInit(2)).isZero();

      assertThat(probe.emulator().read(SEED_PAGE, PAGE)).isEqualTo(page);
      assertThat(target.read(SEED_PAGE, PAGE)).isEqualTo(page);
      byte[] before = probe.emulator().read(SEED_PAGE - PAGE, PAGE);
      assertThat(before).containsOnly((byte) 0xFF);
    }
  }

  @Test
  void erasingAPageLeavesItsNeighboursProgrammed() {
    VirtualStLink probe = nucleo();
    try (StLinkTarget target = probe.attach()) {
      AlgorithmCalls g4 = AlgorithmCalls.stm32g4(target);
      assertThat(g4.init(2)).isZero();
      for (long at = SEED_PAGE - PAGE; at <= SEED_PAGE + PAGE; at += PAGE) {
        assertThat(g4.programPage(at, AlgorithmCalls.pattern(at, PAGE))).isZero();
      }
      assertThat(g4.unInit(2)).isZero();
      assertThat(g4.init(1)).isZero();
      assertThat(g4.eraseSector(SEED_PAGE)).isZero();
      assertThat(g4.unInit(1)).isZero();

      byte[] expected = AlgorithmCalls.pattern(SEED_PAGE - PAGE, 3 * PAGE);
      Arrays.fill(expected, PAGE, 2 * PAGE, (byte) 0xFF);
      assertThat(target.read(SEED_PAGE - PAGE, 3 * PAGE)).isEqualTo(expected);
    }
  }

  @Test
  void hostAndProbeCountTheSameTraffic() {
    VirtualStLink probe = nucleo();
    try (StLinkTarget target = probe.attach()) {
      AlgorithmCalls g4 = AlgorithmCalls.stm32g4(target);
      assertThat(g4.init(2)).isZero();
      UsbCounters before = target.counters();
      assertThat(g4.programPage(FLASH, AlgorithmCalls.pattern(FLASH, PAGE))).isZero();
      UsbCounters page = target.counters().minus(before);
      assertThat(target.counters()).isEqualTo(probe.counters());
      // Data: WRITEMEM_32 (block + 2048 bytes) and GETLASTRWSTATUS2 (12 in). Call: 8 WRITEREG,
      // DFSR clear and DHCSR run (WRITE_DEBUG_REG), one DHCSR poll, then DFSR, PC and R0 reads.
      assertThat(page).isEqualTo(new UsbCounters(6144, 17, 15, 16 * 16 + PAGE,
          12 + 8 * 2 + 2 * 2 + 4 * 8, 15));
    }
  }

  @Test
  void keepsTheFlashInItsFileBetweenSessions(@TempDir Path dir) throws Exception {
    // A missing file starts erased; closing the target writes the flash back.
    Path file = dir.resolve("g431.bin");
    byte[] page = AlgorithmCalls.pattern(SEED_PAGE, PAGE);
    try (StLinkTarget target = VirtualStLink.open(file)) {
      AlgorithmCalls g4 = AlgorithmCalls.stm32g4(target);
      assertThat(g4.init(2)).isZero();
      assertThat(g4.programPage(SEED_PAGE, page)).isZero();
      assertThat(g4.unInit(2)).isZero();
    }
    assertThat(Files.size(file)).isEqualTo(0x2_0000);
    assertThat(Files.exists(dir.resolve("g431.bin.part"))).isFalse();
    try (StLinkTarget again = VirtualStLink.open(file)) {
      assertThat(again.read(SEED_PAGE, PAGE)).isEqualTo(page);
      assertThat(again.read(FLASH, 16)).containsOnly((byte) 0xFF);
    }
  }

  @Test
  void refusesAFlashFileThatIsNotAG431Image(@TempDir Path dir) throws Exception {
    // 64 KiB is a G4 with half the flash: not this chip, so nothing is loaded or overwritten.
    Path file = Files.write(dir.resolve("g431.bin"), new byte[0x1_0000]);
    assertThatThrownBy(() -> VirtualStLink.open(file))
        .isInstanceOf(ProbeException.Unsupported.class)
        .hasMessageContaining("g431.bin").hasMessageContaining("65536 bytes");
    assertThat(Files.size(file)).isEqualTo(0x1_0000);
  }
}
