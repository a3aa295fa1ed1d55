package dev.packs.probe.internal.stlink;

import dev.packs.probe.internal.arm.CortexM;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.packs.target.CoreRegister;
import dev.packs.target.FaultKind;
import dev.packs.target.Halt;
import dev.packs.target.RunLimit;
import dev.packs.target.StopReason;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the Target contract does not cover: faults caught by the HardFault vector catch and decoded
 * from CFSR/BFAR and the stacked frame, a lockup, and reset-and-halt at the reset vector.
 */
class StLinkCortexMTest {
  private static final long CODE = 0x2000_1000L;
  private static final short LDR_R0_R1 = 0x6808;
  private static final short UDF_0 = (short) 0xDE00;
  private static final short BKPT_0 = (short) 0xBE00;
  private static final short MOVS_R0_7 = 0x2007;

  private VirtualStLink probe;
  private StLinkTarget target;

  @BeforeEach
  void attach() {
    probe = new VirtualStLink(VirtualG431.build(), VirtualFirmware.NUCLEO_G431KB, StLinkMode.MASS_STORAGE,
        Optional.empty());
    target = probe.attach();
  }

  @AfterEach
  void close() {
    target.close();
  }

  private Halt runFrom(long sp, short... code) {
    byte[] bytes = new byte[code.length * 2];
    for (int i = 0; i < code.length; i++) {
      bytes[2 * i] = (byte) code[i];
      bytes[2 * i + 1] = (byte) (code[i] >> 8);
    }
    target.write(CODE, bytes);
    target.writeRegister(CoreRegister.PC, (int) CODE);
    target.writeRegister(CoreRegister.XPSR, 0x0100_0000);
    target.writeRegister(CoreRegister.SP, (int) sp);
    return target.run(RunLimit.time(Duration.ofSeconds(5)));
  }

  @Test
  void reportsABusFaultWithTheAddressAndTheFaultingInstruction() {
    target.writeRegister(CoreRegister.R1, 0x6000_0004);
    Halt halt = runFrom(0x2000_8000L, MOVS_R0_7, LDR_R0_R1, BKPT_0);
    assertThat(halt.reason()).isEqualTo(StopReason.FAULT);
    assertThat(halt.pc()).isEqualTo(CODE + 2);
    assertThat(halt.fault()).hasValueSatisfying(f -> {
      assertThat(f.kind()).isEqualTo(FaultKind.BUS_ERROR);
      assertThat(f.address()).hasValue(0x6000_0004L);
      assertThat(f.pc()).isEqualTo(CODE + 2);
    });
  }

  @Test
  void reportsAnUndefinedInstructionAndRunsAgainAfterwards() {
    Halt halt = runFrom(0x2000_8000L, UDF_0);
    assertThat(halt.fault()).hasValueSatisfying(f -> {
      assertThat(f.kind()).isEqualTo(FaultKind.UNDEFINED_INSTRUCTION);
      assertThat(f.pc()).isEqualTo(CODE);
    });
    // The fault status was cleared: the next call ends on its breakpoint, as the flash engine needs.
    Halt next = runFrom(0x2000_8000L, MOVS_R0_7, BKPT_0);
    assertThat(next.reason()).isEqualTo(StopReason.BREAKPOINT);
    assertThat(target.readRegister(CoreRegister.R0)).isEqualTo(7);
  }

  @Test
  void reportsALockupWhenTheFaultCannotBeTaken() {
    // SP points at nothing, so the exception entry cannot push its frame.
    Halt halt = runFrom(0x6000_1000L, UDF_0);
    assertThat(halt.reason()).isEqualTo(StopReason.FAULT);
    assertThat(halt.fault()).hasValueSatisfying(f -> {
      assertThat(f.kind()).isEqualTo(FaultKind.OTHER);
      assertThat(f.detail()).contains("locked up");
    });
  }

  @Test
  void resetAndHaltStopsOnTheResetVector() {
    // A vector table at the start of flash: initial SP, then the reset handler (Thumb bit set).
    probe.emulator().loadFlash(0x0800_0000L, new byte[] {0x00, 0x40, 0x00, 0x20, 0x01, 0x02, 0x00,
        0x08});
    target.writeRegister(CoreRegister.PC, (int) CODE);
    target.reset(true);
    assertThat(target.readRegister(CoreRegister.PC)).isEqualTo(0x0800_0200);
    assertThat(target.readRegister(CoreRegister.SP)).isEqualTo(0x2000_4000);
    assertThat(target.readWord(CortexM.DEMCR) & CortexM.VC_CORERESET).isZero();
  }

  @Test
  void resetsPeripheralsLikeTheChip() {
    // FLASH_CR comes out of reset locked (LOCK, bit 31); unlocking it is undone by a reset.
    long flashCr = 0x4002_2014L;
    target.writeWord(0x4002_2008L, 0x4567_0123);
    target.writeWord(0x4002_2008L, 0xCDEF_89AB);
    assertThat(target.readWord(flashCr) & 0x8000_0000).isZero();
    target.reset(true);
    assertThat(target.readWord(flashCr) & 0x8000_0000).isNotZero();
  }

  @Test
  void reportsTheProbeAndTarget() {
    assertThat(target.version()).hasToString("V3J2M1");
    assertThat(target.dpidr()).isEqualTo(0x2BA0_1477);
    assertThat(target.swdKiloHertz()).isEqualTo(3_300);
    assertThat(target.targetVolts()).hasValueCloseTo(3.30, within(0.01));
  }
}
