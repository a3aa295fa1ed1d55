package dev.packs.probe.internal.dap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packs.emulator.Emulator;
import dev.packs.emulator.FlashModel;
import dev.packs.flm.FlashAlgorithm;
import dev.packs.probe.UsbCounters;
import dev.packs.probe.internal.arm.CortexMTarget;
import dev.packs.probe.internal.sim.FaultPlan;
import org.junit.jupiter.api.Test;

/**
 * Flash-algorithm calls through the virtual probe, counted on the wire: the floor is two
 * packets per call (set registers and resume; wait for the halt and read R0) and the page data at
 * 504 bytes per packet. Our own STM32G4 algorithm on the G4 model, with 2 KiB pages, is the
 * benchmark's workload.
 */
class AlgorithmCallPacketsTest {
  private static final long FLASH = 0x0800_0000L;
  private static final int PAGE = 0x800;

  private final FlashAlgorithm g4 = AlgorithmCalls.load("test-algorithms/stm32g4/build/packs_stm32g4_128k.flm");
  private final Emulator chip = AlgorithmCalls.device(g4, FlashModel.STM32G4);
  private final VirtualDap probe = VirtualDap.over(chip, VirtualDapConfig.DEFAULT, new FaultPlan());
  private final CortexMTarget target = probe.open();
  private final AlgorithmCalls calls = new AlgorithmCalls(g4, target);

  private static UsbCounters eraseCall(CortexMTarget target, AlgorithmCalls calls) {
    assertThat(calls.init(1)).isZero();
    UsbCounters before = target.counters();
    assertThat(calls.eraseSector(FLASH + 5 * PAGE)).isZero();
    return target.counters().minus(before);
  }

  @Test
  void aCallIsOnePacketAndOneBlockingWait() {
    // Register writes, resume and the halt poll (which the probe repeats) share one DAP_Transfer:
    // half the floor.
    UsbCounters erase = eraseCall(target, calls);
    assertThat(erase.packetsOut()).isEqualTo(1);
    assertThat(erase.packetsIn()).isEqualTo(1);
    assertThat(erase.waits()).isEqualTo(1);
  }

  @Test
  void aCallIsOnePacketAlsoWithoutAtomicCommands() {
    VirtualDapConfig plain = VirtualDapConfig.DEFAULT.withCapabilities(DapInfo.CAP_SWD);
    Emulator other = AlgorithmCalls.device(g4, FlashModel.STM32G4);
    CortexMTarget t = VirtualDap.over(other, plain, new FaultPlan()).open();
    UsbCounters erase = eraseCall(t, new AlgorithmCalls(g4, t));
    assertThat(erase.packetsOut()).isEqualTo(1);
    assertThat(erase.waits()).isEqualTo(1);
  }

  @Test
  void programsAPageWithinTheFloorAndOneBlockingWait() {
    // 2 KiB of data is 4.06 packets at 504 bytes, plus the two packets of the call: 6.06 at the floor.
    assertThat(calls.init(2)).isZero();
    byte[] data = AlgorithmCalls.pattern(FLASH + 7 * PAGE, PAGE);
    UsbCounters before = target.counters();
    assertThat(calls.programPage(FLASH + 7 * PAGE, data)).isZero();
    UsbCounters program = target.counters().minus(before);
    assertThat(program.packetsOut()).isEqualTo(5);
    assertThat(program.waits()).isEqualTo(1);
    assertThat(chip.read(FLASH + 7 * PAGE, PAGE)).isEqualTo(data);
  }

  @Test
  void theHostsCountsAgreeWithTheProbes() {
    // Both ends count independently; a packet lost or invented on the way would show here.
    assertThat(calls.init(2)).isZero();
    assertThat(calls.programPage(FLASH, AlgorithmCalls.pattern(FLASH, PAGE))).isZero();
    UsbCounters host = target.counters();
    UsbCounters device = probe.transport().counters();
    assertThat(host.packetsOut()).isEqualTo(device.packetsOut());
    assertThat(host.bytesOut()).isEqualTo(device.bytesOut());
    assertThat(host.bytesIn()).isEqualTo(device.bytesIn());
    assertThat(host.waits()).isEqualTo(device.waits());
  }
}
