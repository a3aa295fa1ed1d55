package dev.packs.probe.internal.dap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.packs.emulator.Core;
import dev.packs.emulator.Emulator;
import dev.packs.probe.ProbeException;
import dev.packs.probe.internal.arm.CortexMTarget;
import dev.packs.probe.internal.sim.FaultPlan;
import dev.packs.target.CoreRegister;
import dev.packs.target.FaultKind;
import dev.packs.target.Halt;
import dev.packs.target.MemoryAccessException;
import dev.packs.target.RunLimit;
import dev.packs.target.StopReason;
import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * Trouble injected into the virtual probe and target: WAIT storms, bus faults, a lost USB
 * response, no target at all, a faulting program. Each ends in recovery or a typed error, and the
 * connection stays usable afterwards.
 */
class FaultInjectionTest {
  private static final long RAM = 0x2000_0400L;

  private final Emulator chip = VirtualDapContractTest.device(Core.CORTEX_M4);
  private final FaultPlan faults = new FaultPlan();
  private final VirtualDap probe = VirtualDap.over(chip, VirtualDapConfig.DEFAULT, faults);
  private final CortexMTarget target = probe.open();

  private static byte[] pattern(int length) {
    byte[] data = new byte[length];
    for (int i = 0; i < length; i++) {
      data[i] = (byte) (i * 7 + 3);
    }
    return data;
  }

  @Test
  void aWaitStormShorterThanTheProbesRetriesIsInvisible() {
    target.write(RAM, pattern(64));
    long before = probe.dp().transfers();
    faults.waitStorm(500);
    assertThat(target.read(RAM, 64)).containsExactly(pattern(64));
    // The probe retried each WAIT itself: 500 more SWD transfers, no extra USB traffic needed.
    assertThat(probe.dp().transfers() - before).isGreaterThan(500);
  }

  @Test
  void aWaitStormLongerThanTheRetriesIsAbortedAndTheReadRepeated() {
    target.write(RAM, pattern(64));
    faults.waitStorm(CmsisDap.WAIT_RETRY + 10);
    assertThat(target.read(RAM, 64)).containsExactly(pattern(64));
  }

  @Test
  void aWaitStormUnderAStepThatMustNotBeRepeatedIsATypedError() {
    faults.waitStorm(CmsisDap.WAIT_RETRY + 10);
    assertThatThrownBy(() -> target.writeWord(RAM, 42))
        .isInstanceOf(ProbeException.TransferFailed.class)
        .hasMessageContaining(String.format("0x%08X", RAM)).hasMessageContaining("WAIT");
    target.writeWord(RAM, 43);
    assertThat(target.readWord(RAM)).isEqualTo(43);
  }

  @Test
  void aBusFaultNamesTheWordThatFailedAndLeavesNoStickyError() {
    target.write(RAM, pattern(256));
    target.readWord(RAM); // sends the posted write before the fault is armed
    faults.busFault(RAM + 0x40, RAM + 0x44);
    assertThatThrownBy(() -> target.read(RAM, 256))
        .isInstanceOfSatisfying(MemoryAccessException.class, e -> {
          assertThat(e.address()).isEqualTo(RAM + 0x40);
          assertThat(e.isWrite()).isFalse();
        });
    assertThat(target.read(RAM, 0x40)).containsExactly(java.util.Arrays.copyOf(pattern(256), 0x40));
  }

  @Test
  void aPostedWriteThatFaultsIsReportedByTheNextCallWithItsAddress() {
    faults.busFault(RAM + 0x80, RAM + 0x84);
    target.write(RAM, pattern(256));
    assertThatThrownBy(() -> target.readWord(RAM))
        .isInstanceOfSatisfying(MemoryAccessException.class, e -> {
          assertThat(e.address()).isEqualTo(RAM + 0x80);
          assertThat(e.isWrite()).isTrue();
        });
    assertThat(target.readWord(RAM)).isEqualTo(chip.readWord(RAM));
  }

  @Test
  void aLostResponseIsATimeoutAndTheNextCallWorks() {
    target.write(RAM, pattern(16));
    target.readWord(RAM);
    faults.loseResponse(1);
    assertThatThrownBy(() -> target.read(RAM, 16)).isInstanceOf(ProbeException.Timeout.class);
    assertThat(target.read(RAM, 16)).containsExactly(pattern(16));
  }

  @Test
  void noTargetOnTheWireIsATypedErrorWhenConnecting() {
    FaultPlan absent = new FaultPlan().noTarget(true);
    VirtualDap unpowered = VirtualDap.over(VirtualDapContractTest.device(Core.CORTEX_M4),
        VirtualDapConfig.DEFAULT, absent);
    assertThatThrownBy(unpowered::open).isInstanceOf(ProbeException.TransferFailed.class)
        .hasMessageContaining("DPIDR").hasMessageContaining("no ACK");
  }

  @Test
  void aFaultingProgramStopsWithTheFaultsKindPcAndAddress() {
    // ldr r0, [r1] with r1 pointing where nothing is mapped; the vector catch stops it in HardFault.
    target.write(RAM, new byte[] {0x08, 0x68, 0x00, (byte) 0xBE});
    target.writeRegister(CoreRegister.PC, (int) RAM);
    target.writeRegister(CoreRegister.XPSR, 0x0100_0000);
    target.writeRegister(CoreRegister.SP, (int) (RAM + 0x400));
    target.writeRegister(CoreRegister.R1, 0x6000_0000);
    Halt halt = target.run(RunLimit.of(1000, Duration.ofSeconds(5)));
    assertThat(halt.reason()).isEqualTo(StopReason.FAULT);
    assertThat(halt.pc()).isEqualTo(RAM);
    assertThat(halt.fault().orElseThrow().kind()).isEqualTo(FaultKind.BUS_ERROR);
    assertThat(halt.fault().orElseThrow().address()).isEqualTo(OptionalLong.of(0x6000_0000L));
  }

  @Test
  void resetAndHaltStopsOnTheFirstInstructionOfTheVectorTable() {
    // STM32 boot: the vector table is at the flash start, aliased at 0 on a real chip.
    chip.loadFlash(0x0800_0000L, new byte[] {0x00, 0x10, 0x00, 0x20, 0x01, 0x01, 0x00, 0x08});
    target.resetAndHalt();
    assertThat(target.readRegister(CoreRegister.PC)).isEqualTo(0x0800_0100);
    assertThat(target.readRegister(CoreRegister.MSP)).isEqualTo(0x2000_1000);
    assertThat(target.readRegister(CoreRegister.XPSR) & 0x0100_0000).isNotZero();
  }
}
