package dev.packs.probe.internal.dap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packs.emulator.Core;
import dev.packs.emulator.Emulator;
import dev.packs.emulator.FlashModel;
import dev.packs.emulator.FlashRegion;
import dev.packs.emulator.RamRegion;
import dev.packs.probe.internal.sim.FaultPlan;
import dev.packs.target.Target;
import dev.packs.target.contract.TargetContractTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The Target contract through the whole CMSIS-DAP stack: host packets, the virtual firmware, the
 * simulated SW-DP and AHB-AP, and the Cortex-M debug logic over the emulator. The same devices as
 * the emulator's own contract test, so any difference is the probe's.
 */
class VirtualDapContractTest {
  static Emulator device(Core core) {
    return Emulator.builder()
        .core(core)
        .ram(new RamRegion(0x2000_0000L, 0x1000))
        .flash(FlashRegion.uniform(0x0800_0000L, 0x8000, 0xFF, 0x800))
        .model(FlashModel.STM32G4)
        .build();
  }

  static Target probe(Core core, VirtualDapConfig config) {
    return VirtualDap.over(device(core), config, new FaultPlan()).open();
  }

  @Test
  void readsTheCoresCpuidThroughTheAhbAp() {
    // The CPUID of the emulated M4, read back through SWD, shows the whole path is live.
    assertThat(probe(Core.CORTEX_M4, VirtualDapConfig.DEFAULT).readWord(0xE000_ED00L))
        .isEqualTo(0x410F_C241);
  }

  /** Bulk, high speed: 512-byte packets, 8 in flight, atomic commands. */
  @Nested
  class CortexM4OverBulk extends TargetContractTest {
    @Override
    protected Target newTarget() {
      return probe(Core.CORTEX_M4, VirtualDapConfig.DEFAULT);
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

  /** Full-speed HID: 64-byte reports, one at a time, no atomic commands. */
  @Nested
  class CortexM0OverHid extends TargetContractTest {
    @Override
    protected Target newTarget() {
      return probe(Core.CORTEX_M0, VirtualDapConfig.fullSpeedHid());
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
}
