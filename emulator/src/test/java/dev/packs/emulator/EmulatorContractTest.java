package dev.packs.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packs.target.Target;
import dev.packs.target.contract.TargetContractTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The Target contract, run against the emulator as a Cortex-M0 and as a Cortex-M4. */
class EmulatorContractTest {
  private static Emulator device(Core core) {
    return Emulator.builder()
        .core(core)
        .ram(new RamRegion(0x2000_0000L, 0x1000))
        .flash(FlashRegion.uniform(0x0800_0000L, 0x8000, 0xFF, 0x800))
        .model(FlashModel.STM32G4)
        .build();
  }

  @Test
  void showsTheCoresCpuidInTheSystemControlSpace() {
    assertThat(device(Core.CORTEX_M0).readWord(0xE000_ED00L)).isEqualTo(0x410C_C200);
    assertThat(device(Core.CORTEX_M4).readWord(0xE000_ED00L)).isEqualTo(0x410F_C241);
    assertThat(device(Core.CORTEX_M4).registerName(0xE000_E010L)).contains("SCS_SYST_CSR");
  }

  @Nested
  class CortexM0 extends TargetContractTest {
    @Override
    protected Target newTarget() {
      return device(Core.CORTEX_M0);
    }

    @Override
    protected long scratchRam() {
      return 0x2000_0400L;
    }

    @Override
    protected long unmappedAddress() {
      return 0x3000_0000L;
    }
  }

  @Nested
  class CortexM4 extends TargetContractTest {
    @Override
    protected Target newTarget() {
      return device(Core.CORTEX_M4);
    }

    @Override
    protected long scratchRam() {
      return 0x2000_0800L;
    }

    @Override
    protected long unmappedAddress() {
      return 0x6000_0000L;
    }
  }
}
