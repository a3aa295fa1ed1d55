package dev.packs.emulator.internal.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** How a run ends: BKPT, the limit, a halt request, and each typed fault with its PC and address. */
class CpuStopTest {
  private static final int CODE = 0x0800_0000;
  private static final int RAM = 0x2000_0000;

  private static Cpu cpu(Architecture arch, int... halfwords) {
    RamBus bus = new RamBus().map(CODE, 0x400, false).map(RAM, 0x400, true);
    byte[] code = new byte[halfwords.length * 2];
    for (int i = 0; i < halfwords.length; i++) {
      code[2 * i] = (byte) halfwords[i];
      code[2 * i + 1] = (byte) (halfwords[i] >>> 8);
    }
    bus.load(CODE, code);
    Cpu cpu = new Cpu(bus, arch);
    cpu.setReg(0, RAM);
    cpu.setReg(13, RAM + 0x400);
    cpu.setReg(15, CODE);
    return cpu;
  }

  @Test
  void breakpointStopsAtTheBkptWithTheInstructionsBeforeIt() {
    // movs r1, #5; adds r1, #1; bkpt #0
    Cpu cpu = cpu(Architecture.ARMV6M, 0x2105, 0x3101, 0xBE00);
    Stop stop = cpu.run(100);
    assertThat(stop).isEqualTo(new Stop(Stop.Kind.BREAKPOINT, CODE + 4, 2, Optional.empty()));
    assertThat(cpu.reg(1)).isEqualTo(6);
    assertThat(cpu.reg(15)).isEqualTo(CODE + 4);
    assertThat(cpu.instructionCount()).isEqualTo(2);
  }

  @Test
  void limitStopsAfterExactlyThatManyInstructions() {
    // loop: adds r1, #1; b loop
    Cpu cpu = cpu(Architecture.ARMV7M, 0x3101, 0xE7FD);
    Stop stop = cpu.run(2501);
    assertThat(stop).isEqualTo(new Stop(Stop.Kind.LIMIT, CODE + 2, 2501, Optional.empty()));
    assertThat(cpu.reg(1)).isEqualTo(1251);
    assertThat(cpu.run(1).pc()).as("continues where it stopped").isEqualTo(CODE);
  }

  @Test
  void haltRequestFromAnotherThreadStopsARunningLoop() throws InterruptedException {
    // loop: b loop
    Cpu cpu = cpu(Architecture.ARMV7M, 0xE7FE);
    Thread halter = new Thread(() -> {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      cpu.requestHalt();
    });
    halter.start();
    Stop stop = cpu.run(Long.MAX_VALUE);
    halter.join();
    assertThat(stop.kind()).isEqualTo(Stop.Kind.HALTED);
    assertThat(stop.pc()).isEqualTo(CODE);
    assertThat(stop.instructions()).isPositive();
  }

  @Test
  void armv6mRejectsThumb2DataProcessingAsUndefined() {
    // nop; add.w r0, r0, #1 (exists on ARMv7-M only)
    Cpu cpu = cpu(Architecture.ARMV6M, 0xBF00, 0xF100, 0x0001, 0xBE00);
    Fault fault = fault(cpu.run(10));
    assertThat(fault.kind()).isEqualTo(Fault.Kind.UNDEFINED_INSTRUCTION);
    assertThat(fault.pc()).isEqualTo(CODE + 2);
    assertThat(fault.detail()).contains("0xF100 0x0001").contains("ARMV6M");
    assertThat(cpu(Architecture.ARMV7M, 0xBF00, 0xF100, 0x0001, 0xBE00).run(10).kind())
        .isEqualTo(Stop.Kind.BREAKPOINT);
  }

  @Test
  void armv6mRejectsCbzAndItButArmv8mBaselineAcceptsCbz() {
    // cbz r1, bkpt (skips the nop); nop; bkpt
    int[] program = {0xB101, 0xBF00, 0xBE00};
    assertThat(fault(cpu(Architecture.ARMV6M, program).run(10)).kind()).isEqualTo(Fault.Kind.UNDEFINED_INSTRUCTION);
    Cpu baseline = cpu(Architecture.ARMV8M_BASELINE, program);
    assertThat(baseline.run(10)).isEqualTo(new Stop(Stop.Kind.BREAKPOINT, CODE + 4, 1, Optional.empty()));
    // ite eq is undefined on ARMv6-M
    assertThat(fault(cpu(Architecture.ARMV6M, 0xBF0C, 0xBE00).run(10)).kind())
        .isEqualTo(Fault.Kind.UNDEFINED_INSTRUCTION);
  }

  @Test
  void permanentlyUndefinedEncodingFaultsOnEveryArchitecture() {
    for (Architecture arch : Architecture.values()) {
      // udf #0
      assertThat(fault(cpu(arch, 0xDE00).run(10)).kind()).as("%s", arch).isEqualTo(Fault.Kind.UNDEFINED_INSTRUCTION);
    }
  }

  @Test
  void unalignedWordLoadFaultsOnArmv6mWithTheAddress() {
    // adds r0, #1; ldr r1, [r0]
    Fault fault = fault(cpu(Architecture.ARMV6M, 0x3001, 0x6801, 0xBE00).run(10));
    assertThat(fault.kind()).isEqualTo(Fault.Kind.UNALIGNED);
    assertThat(fault.pc()).isEqualTo(CODE + 2);
    assertThat(fault.address()).isEqualTo(OptionalInt.of(RAM + 1));
  }

  @Test
  void armv7mAllowsUnalignedLdrButFaultsOnUnalignedLdm() {
    // adds r0, #1; ldr r1, [r0]; ldm r0!, {r2}
    Cpu cpu = cpu(Architecture.ARMV7M, 0x3001, 0x6801, 0xC804, 0xBE00);
    cpu.bus.write(RAM, 4, 0x4433_2211);
    cpu.bus.write(RAM + 4, 4, 0x8877_6655);
    Fault fault = fault(cpu.run(10));
    assertThat(cpu.reg(1)).isEqualTo(0x5544_3322);
    assertThat(fault.kind()).isEqualTo(Fault.Kind.UNALIGNED);
    assertThat(fault.pc()).isEqualTo(CODE + 4);
    assertThat(fault.address()).isEqualTo(OptionalInt.of(RAM + 1));
  }

  @Test
  void unalignedTrapMakesArmv7mFaultOnUnalignedLdrToo() {
    // adds r0, #1; ldr r1, [r0]
    Cpu cpu = cpu(Architecture.ARMV7M, 0x3001, 0x6801, 0xBE00);
    cpu.setConfigurationControl(1 << 3);
    assertThat(cpu.configurationControl()).isEqualTo(1 << 3);
    Fault fault = fault(cpu.run(10));
    assertThat(fault.kind()).isEqualTo(Fault.Kind.UNALIGNED);
    assertThat(fault.address()).isEqualTo(OptionalInt.of(RAM + 1));
  }

  @Test
  void divisionByZeroGivesZeroUnlessTheDivideTrapIsSet() {
    // udiv r2, r1, r3 (r3 = 0); bkpt
    Cpu quiet = cpu(Architecture.ARMV7M, 0xFBB1, 0xF2F3, 0xBE00);
    quiet.setReg(1, 100);
    quiet.setReg(2, 5);
    assertThat(quiet.run(10).kind()).isEqualTo(Stop.Kind.BREAKPOINT);
    assertThat(quiet.reg(2)).isZero();
    Cpu trapping = cpu(Architecture.ARMV7M, 0xFBB1, 0xF2F3, 0xBE00);
    trapping.setConfigurationControl(1 << 4);
    Fault fault = fault(trapping.run(10));
    assertThat(fault.kind()).isEqualTo(Fault.Kind.DIVIDE_BY_ZERO);
    assertThat(fault.pc()).isEqualTo(CODE);
    assertThat(fault.detail()).contains("UDIV");
  }

  @Test
  void accessToUnmappedMemoryIsABusFaultNamingTheAddress() {
    // movs r1, #1; lsls r1, r1, #30 (0x40000000); str r0, [r1, #4]
    Fault fault = fault(cpu(Architecture.ARMV6M, 0x2101, 0x0789, 0x6048, 0xBE00).run(10));
    assertThat(fault.kind()).isEqualTo(Fault.Kind.BUS);
    assertThat(fault.pc()).isEqualTo(CODE + 4);
    assertThat(fault.address()).isEqualTo(OptionalInt.of(0x4000_0004));
    assertThat(fault.detail()).contains("write").contains("unmapped");
  }

  @Test
  void writeToReadOnlyMemoryIsABusFault() {
    // str r0, [r0] with r0 inside the read-only code region
    Cpu cpu = cpu(Architecture.ARMV7M, 0x6000, 0xBE00);
    cpu.setReg(0, CODE + 0x100);
    Fault fault = fault(cpu.run(10));
    assertThat(fault.kind()).isEqualTo(Fault.Kind.BUS);
    assertThat(fault.address()).isEqualTo(OptionalInt.of(CODE + 0x100));
    assertThat(fault.detail()).contains("read-only");
  }

  @Test
  void fetchFromUnmappedMemoryIsABusFaultAtThatPc() {
    Cpu cpu = cpu(Architecture.ARMV7M, 0xBE00);
    cpu.setReg(15, 0x3000_0000);
    Fault fault = fault(cpu.run(10));
    assertThat(fault.kind()).isEqualTo(Fault.Kind.BUS);
    assertThat(fault.pc()).isEqualTo(0x3000_0000);
    assertThat(fault.address()).isEqualTo(OptionalInt.of(0x3000_0000));
  }

  @Test
  void interworkingBranchToAnEvenAddressIsAnInvalidStateFault() {
    // bx r0 with r0 even (ARM state does not exist on M-profile)
    Fault fault = fault(cpu(Architecture.ARMV7M, 0x4700, 0xBE00).run(10));
    assertThat(fault.kind()).isEqualTo(Fault.Kind.INVALID_STATE);
    assertThat(fault.pc()).isEqualTo(CODE);
  }

  @Test
  void codeWrittenByTheCpuIsExecutedAfterwards() {
    // str r1, [r0]; bx r2 -- r1 holds "movs r3, #7; bkpt", r2 the RAM address | 1
    Cpu cpu = cpu(Architecture.ARMV7M, 0x6001, 0x4710);
    cpu.setReg(1, 0xBE00_2309);
    cpu.setReg(2, RAM | 1);
    assertThat(cpu.run(10).kind()).isEqualTo(Stop.Kind.BREAKPOINT);
    assertThat(cpu.reg(3)).isEqualTo(9);
    cpu.setReg(1, 0xBE00_2307);
    cpu.setReg(15, CODE);
    assertThat(cpu.run(10).kind()).isEqualTo(Stop.Kind.BREAKPOINT);
    assertThat(cpu.reg(3)).as("the cached copy of the old code was dropped").isEqualTo(7);
  }

  @Test
  void memoryWrittenBetweenRunsIsExecutedByTheNextRun() {
    Cpu cpu = cpu(Architecture.ARMV7M, 0x2305, 0xBE00);
    cpu.run(10);
    ((RamBus) cpu.bus).load(CODE, new byte[] {0x06, 0x23});
    cpu.setReg(15, CODE);
    cpu.run(10);
    assertThat(cpu.reg(3)).isEqualTo(6);
  }

  @Test
  void stopRejectsAFaultKindWithoutAFaultAndNegativeCounts() {
    assertThatThrownBy(() -> new Stop(Stop.Kind.FAULT, 0, 0, Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Stop(Stop.Kind.LIMIT, 0, -1, Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void xpsrRoundTripsFlagsGeAndItState() {
    Cpu cpu = cpu(Architecture.ARMV7EM, 0xBE00);
    cpu.setXpsr(0xF80F_0000 | 0x0600_0000 | 0x0000_FC00);
    assertThat(cpu.xpsr()).isEqualTo(0xF80F_0000 | 0x0700_0000 | 0x0000_FC00);
    assertThatThrownBy(() -> cpu.reg(16)).isInstanceOf(IllegalArgumentException.class);
  }

  private static Fault fault(Stop stop) {
    assertThat(stop.kind()).as("%s", stop).isEqualTo(Stop.Kind.FAULT);
    return stop.fault().orElseThrow();
  }
}
