package dev.packs.probe.internal.dap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packs.probe.EmulatedDeviceFactory;
import dev.packs.probe.ProbeListener;
import dev.packs.probe.ProbeSelector;
import dev.packs.probe.ProbeTarget;
import dev.packs.probe.Probes;
import dev.packs.target.Target;
import dev.packs.target.contract.TargetContractTest;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * On a real NUCLEO-G431KB (or any STM32G431KB) behind the only attached CMSIS-DAP probe; excluded
 * by default, run with {@code mvn -pl probe verify -DexcludedGroups= -Dgroups=hardware}. It flashes
 * the page the seed flashed (0x0800A800, `packs flash --base-address 0x0800a800`) with our own G4
 * algorithm, reads it back, and runs the Target contract on the chip.
 */
@Tag("hardware")
class RealBoardTest {
  private static final long SEED_ADDRESS = 0x0800_A800L;
  private static final int PAGE = 0x800;

  private static ProbeTarget board() {
    ProbeTarget target = Probes.create(new ProbeListener() {}).open(
        ProbeSelector.parse("cmsis-dap"), EmulatedDeviceFactory.NONE);
    target.resetAndHalt();
    return target;
  }

  @Test
  void flashesTheSeedsPageWithOurG4AlgorithmAndReadsItBack() {
    try (ProbeTarget target = board()) {
      AlgorithmCalls calls = new AlgorithmCalls(
          AlgorithmCalls.load("test-algorithms/stm32g4/build/packs_stm32g4_128k.flm"), target);
      byte[] data = AlgorithmCalls.pattern(SEED_ADDRESS, PAGE);
      assertThat(calls.init(1)).isZero();
      assertThat(calls.eraseSector(SEED_ADDRESS)).isZero();
      assertThat(calls.unInit(1)).isZero();
      assertThat(calls.init(2)).isZero();
      assertThat(calls.programPage(SEED_ADDRESS, data)).isZero();
      assertThat(calls.unInit(2)).isZero();
      assertThat(Arrays.equals(target.read(SEED_ADDRESS, PAGE), data)).isTrue();
      target.resetAndRun();
    }
  }

  @Nested
  class Contract extends TargetContractTest {
    @Override
    protected Target newTarget() {
      return board();
    }

    @AfterEach
    void release() {
      ((ProbeTarget) target).close();
    }

    @Override
    protected long scratchRam() {
      return 0x2000_4000L;
    }

    @Override
    protected long unmappedAddress() {
      return 0x6000_0000L;
    }
  }
}
