package dev.packs.emulator.internal.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * One hand-written program per instruction group (sources in asm/*.s, rebuilt by asm/build.sh),
 * run to its BKPT; the expected values are worked out in the sources' comments.
 */
class InstructionGroupTest {
  private static final int CODE = 0x0000_0000;
  private static final int RAM = 0x2000_0000;
  private static final int STACK = 0x2000_1000;
  private static final int LR = 0x1234_5679;

  private static Cpu run(String fixture, Architecture arch) {
    RamBus bus = new RamBus().map(CODE, 0x1000, false).map(RAM, 0x1000, true);
    bus.load(CODE, Fixtures.program(fixture));
    Cpu cpu = new Cpu(bus, arch);
    cpu.setReg(0, RAM);
    cpu.setReg(13, STACK);
    cpu.setReg(14, LR);
    cpu.setReg(15, CODE);
    Stop stop = cpu.run(10_000);
    assertThat(stop.kind()).as("%s stopped with %s", fixture, stop).isEqualTo(Stop.Kind.BREAKPOINT);
    return cpu;
  }

  private static void assertRegisters(Cpu cpu, int... expected) {
    for (int i = 0; i < expected.length; i++) {
      assertThat(cpu.reg(i)).as("r%d = 0x%08X", i, cpu.reg(i)).isEqualTo(expected[i]);
    }
  }

  @Test
  void sixteenBitDataProcessingSetsResultsAndFlagsOnArmv6m() {
    Cpu cpu = run("alu16", Architecture.ARMV6M);
    assertRegisters(cpu, 0x9C40, 0x40, 0xFE00_0000, 0, 0x9000_0000, 0x409C_0000, 0x409C, 0x409C, 0xFC00_0000);
    assertThat(cpu.xpsr() & 0xF000_0000).isEqualTo(0x9000_0000);
  }

  @Test
  void thumb2DataProcessingCoversImmediatesShiftsAndBitFields() {
    Cpu cpu = run("thumb2", Architecture.ARMV7M);
    assertRegisters(cpu, 0xFF54_FF55, 0x0005_4FF5, 0xAB00_0000, 0x5678_1234, 0x5678_2000, 0x4443_BBBC, 0x3400,
        0x123, 0xFFFF_FFAB, 23, 0xE800_0000, 0x3412_7856, 0xFF00_0000);
  }

  @Test
  void multiplyAndDivideGiveFullWidthResultsAndZeroForDivisionByZero() {
    Cpu cpu = run("multiply", Architecture.ARMV7M);
    assertRegisters(cpu, 7, -1, 1000, 7000, 14000, 0, 0x000F_4241, 0xFFFF_FFFE, 0xFFFF_FC19, -1, -142, 142, 0);
  }

  @Test
  void loadsAndStoresUseEveryAddressingMode() {
    Cpu cpu = run("loadstore", Architecture.ARMV7M);
    assertRegisters(cpu, RAM, 0x34, 0, 1, 0x1122_3344, 0x34, 0xFFFF_FF80, 0x33, 0x1122, 0x1122_3344, 0x3344, 0x33,
        LR);
    assertThat(cpu.reg(13)).isEqualTo(STACK);
    assertThat(cpu.bus.read(RAM + 0x10, 4)).isEqualTo(0x1122_3344);
    assertThat(cpu.bus.read(RAM, 4)).isEqualTo(0x34);
  }

  @Test
  void branchesReachEveryTargetAndSkipTheOthers() {
    Cpu cpu = run("branches", Architecture.ARMV7M);
    assertThat(cpu.reg(0)).as("bits set by the reached targets").isEqualTo(0x3F);
    assertThat(cpu.reg(3)).as("BL return address").isEqualTo(0x47);
    assertThat(cpu.reg(14)).as("BLX return address").isEqualTo(0x4D);
  }

  @Test
  void specialRegistersMasksAndStackSelectionFollowMsrAndCps() {
    Cpu cpu = run("system", Architecture.ARMV7EM);
    assertRegisters(cpu, 1, 0, 0x40, 0xF000_0000, 0x2000_0800, 0x2000_0800, 2, 0x2000_0800, STACK);
    assertThat(cpu.specialRegister(SpecialRegister.CONTROL)).isEqualTo(2);
    assertThat(cpu.specialRegister(SpecialRegister.MSP)).isEqualTo(STACK);
  }

  @Test
  void dspInstructionsExtendSaturatePackAndSetGe() {
    Cpu cpu = run("dsp", Architecture.ARMV7EM);
    assertRegisters(cpu, 0x80FF_7F01, 0x7FFF_0001, 0x7FFF_FFFF, 0x7FFF_8001, 0x00FE_FE02, 0x080C_0000, 0xFFFF_FF80,
        255, 0x7F01_0064, 0x80FF_0000, 0x7FFF_0001, 0x0001_0001, 0x8000_0002);
  }

  @Test
  void armv8mBaselineAddsWideMovesDivideExclusivesAndAcquireRelease() {
    for (Architecture arch : new Architecture[] {Architecture.ARMV8M_BASELINE, Architecture.ARMV8M_MAINLINE}) {
      Cpu cpu = run("armv8m_baseline", arch);
      assertRegisters(cpu, RAM + 4, 0xDEAD_BEEF, 0, 0xBE03, 0xBEEF, -3, 3, 0);
      assertThat(cpu.bus.read(RAM, 4)).isEqualTo(3);
      assertThat(cpu.bus.read(RAM + 4, 4)).isEqualTo(0xBE03);
    }
  }

  @Test
  void armv6mStopsAtTheFirstArmv8mInstruction() {
    RamBus bus = new RamBus().map(CODE, 0x1000, false);
    bus.load(CODE, Fixtures.program("armv8m_baseline"));
    Cpu cpu = new Cpu(bus, Architecture.ARMV6M);
    Stop stop = cpu.run(10);
    assertThat(stop.kind()).isEqualTo(Stop.Kind.FAULT);
    assertThat(stop.fault().orElseThrow().kind()).isEqualTo(Fault.Kind.UNDEFINED_INSTRUCTION);
    assertThat(stop.pc()).isEqualTo(CODE);
  }
}
