package dev.packs.probe.internal.dap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packs.emulator.Core;
import dev.packs.emulator.Emulator;
import dev.packs.probe.internal.arm.CortexMTarget;
import dev.packs.probe.internal.sim.FaultPlan;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import java.util.List;

/**
 * Random writes and reads of any length and alignment in the 4 KiB RAM, through every packet
 * layout the queue chooses (packet sizes, pipelining, atomic commands) and across TAR wraps of
 * both widths: what the probe reads back and what the emulator holds must equal a plain byte
 * array that saw the same writes.
 */
class MemoryAccessPropertyTest {
  private static final long RAM = 0x2000_0000L;
  private static final int SIZE = 0x1000;

  record Access(boolean write, int offset, byte[] data) {}

  @Provide
  Arbitrary<List<Access>> accesses() {
    Arbitrary<Integer> offset = Arbitraries.integers().between(0, SIZE - 1);
    Arbitrary<Integer> length = Arbitraries.integers().between(1, 1300);
    Arbitrary<Access> access = Combinators.combine(Arbitraries.of(true, false), offset, length,
            Arbitraries.bytes().array(byte[].class).ofSize(1300))
        .as((w, o, n, bytes) -> {
          int len = Math.min(n, SIZE - o);
          return new Access(w, o, java.util.Arrays.copyOf(bytes, len));
        });
    return access.list().ofMinSize(1).ofMaxSize(12);
  }

  @Provide
  Arbitrary<VirtualDapConfig> configs() {
    return Arbitraries.of(VirtualDapConfig.DEFAULT,
        VirtualDapConfig.DEFAULT.withCapabilities(DapInfo.CAP_SWD),
        VirtualDapConfig.DEFAULT.withPacket(1024, 4),
        VirtualDapConfig.fullSpeedHid(),
        VirtualDapConfig.fullSpeedHid().withPacket(128, 3).withCapabilities(DapInfo.CAP_SWD | DapInfo.CAP_ATOMIC));
  }

  @Property(tries = 60)
  void readsBackWhatWasWrittenWhateverThePacketLayout(@ForAll("accesses") List<Access> accesses,
      @ForAll("configs") VirtualDapConfig config, @ForAll boolean m4) {
    // The M4's AHB-AP wraps TAR at 4 KiB, the M0's at 1 KiB: runs must be split at either.
    Emulator chip = VirtualDapContractTest.device(m4 ? Core.CORTEX_M4 : Core.CORTEX_M0);
    CortexMTarget target = VirtualDap.over(chip, config, new FaultPlan()).open();
    byte[] shadow = chip.read(RAM, SIZE);
    for (Access a : accesses) {
      if (a.write()) {
        target.write(RAM + a.offset(), a.data());
        System.arraycopy(a.data(), 0, shadow, a.offset(), a.data().length);
      } else {
        assertThat(target.read(RAM + a.offset(), a.data().length))
            .containsExactly(java.util.Arrays.copyOfRange(shadow, a.offset(), a.offset() + a.data().length));
      }
    }
    assertThat(target.read(RAM, SIZE)).containsExactly(shadow);
    assertThat(chip.read(RAM, SIZE)).containsExactly(shadow);
  }
}
