package dev.packs.probe.internal.stlink;

import dev.packs.probe.internal.dap.AlgorithmCalls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packs.target.Target;
import dev.packs.target.contract.TargetContractTest;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A real NUCLEO-G431KB on USB (excluded by default; run with {@code -Dgroups=hardware}, and
 * {@code -Dpacks.stlink.serial=...} when several ST-Links are attached). It erases and programs the
 * seed's page 0x0800A800, so use a board whose flash may be overwritten.
 */
@Tag("hardware")
class StLinkHardwareTest {
  private static StLinkTarget nucleo() {
    return StLinkProbes.open(System.getProperty("packs.stlink.serial"));
  }

  @Test
  void listsTheBoardsProbeWithItsFirmware() {
    assertThat(StLinkProbes.list()).anySatisfy(p -> {
      assertThat(p.usbId()).isIn("0483:374E", "0483:3754");
      assertThat(p.firmware()).isPresent();
    });
  }

  @Test
  void erasesAndProgramsTheSeedPage() {
    long page = 0x0800_A800L;
    byte[] data = AlgorithmCalls.pattern(page, 0x800);
    try (StLinkTarget target = nucleo()) {
      AlgorithmCalls g4 = AlgorithmCalls.stm32g4(target);
      assertThat(g4.init(1)).isZero();
      assertThat(g4.eraseSector(page)).isZero();
      assertThat(g4.unInit(1)).isZero();
      assertThat(target.read(page, 0x800)).containsOnly((byte) 0xFF);
      assertThat(g4.init(2)).isZero();
      assertThat(g4.programPage(page, data)).isZero();
      assertThat(g4.unInit(2)).isZero();
      assertThat(Arrays.equals(target.read(page, 0x800), data)).isTrue();
    }
  }

  /** The Target contract on the STM32G431KB's SRAM; nothing answers at 0x60000000 (no FMC). */
  @Nested
  class Contract extends TargetContractTest {
    private StLinkTarget opened;

    @Override
    protected Target newTarget() {
      opened = nucleo();
      return opened;
    }

    @Override
    protected long scratchRam() {
      return 0x2000_0800L;
    }

    @Override
    protected long unmappedAddress() {
      return 0x6000_0000L;
    }

    @AfterEach
    void close() {
      opened.close();
    }
  }
}
