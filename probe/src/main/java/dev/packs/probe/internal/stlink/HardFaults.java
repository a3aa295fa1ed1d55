package dev.packs.probe.internal.stlink;

import dev.packs.probe.internal.arm.CortexM;

import dev.packs.target.CoreRegister;
import dev.packs.target.Fault;
import dev.packs.target.FaultKind;
import dev.packs.target.MemoryAccessException;
import java.util.OptionalLong;

/**
 * Turns a HardFault the vector catch stopped on into a {@link Fault}: the kind from CFSR, the data
 * address from BFAR or MMFAR when valid, and the faulting instruction from the PC the exception
 * entry stacked. Clears the (write-one-to-clear) status afterwards so the next call starts clean.
 */
final class HardFaults {
  private HardFaults() {}

  static Fault decode(StLinkSession session) {
    byte[] regs = session.read(CortexM.CFSR, 20); // CFSR, HFSR, DFSR, MMFAR, BFAR
    int cfsr = StLinkSession.u32(regs, 0);
    int hfsr = StLinkSession.u32(regs, 4);
    long mmfar = Integer.toUnsignedLong(StLinkSession.u32(regs, 12));
    long bfar = Integer.toUnsignedLong(StLinkSession.u32(regs, 16));
    long pc = stackedPc(session);
    session.writeWord(CortexM.CFSR, cfsr);
    session.writeWord(CortexM.HFSR, hfsr);

    String status = String.format("CFSR 0x%08X, HFSR 0x%08X", cfsr, hfsr);
    if ((cfsr & CortexM.CFSR_UNDEFINSTR) != 0) {
      return new Fault(FaultKind.UNDEFINED_INSTRUCTION, pc, OptionalLong.empty(), status);
    }
    if ((cfsr & CortexM.CFSR_UNALIGNED) != 0) {
      return new Fault(FaultKind.UNALIGNED_ACCESS, pc, OptionalLong.empty(), status);
    }
    if ((cfsr & 0xFF00) != 0) {
      OptionalLong at = (cfsr & CortexM.CFSR_BFARVALID) != 0 ? OptionalLong.of(bfar)
          : (cfsr & CortexM.CFSR_IBUSERR) != 0 ? OptionalLong.of(pc) : OptionalLong.empty();
      return new Fault(FaultKind.BUS_ERROR, pc, at, "bus fault, " + status);
    }
    if ((cfsr & 0xFF) != 0) {
      OptionalLong at = (cfsr & CortexM.CFSR_MMARVALID) != 0 ? OptionalLong.of(mmfar) : OptionalLong.empty();
      return new Fault(FaultKind.BUS_ERROR, pc, at, "memory management fault, " + status);
    }
    String what = (cfsr & CortexM.CFSR_INVSTATE) != 0 ? "invalid state (Thumb bit clear)"
        : (cfsr & CortexM.CFSR_DIVBYZERO) != 0 ? "divide by zero" : "hard fault";
    return new Fault(FaultKind.OTHER, pc, OptionalLong.empty(), what + ", " + status);
  }

  /** The return address the exception entry pushed (frame word 6), else the current PC. */
  private static long stackedPc(StLinkSession session) {
    long sp = Integer.toUnsignedLong(session.readRegister(CoreRegister.SP.selector(), "SP"));
    if ((sp & 3) == 0 && sp + 32 <= 0x1_0000_0000L) {
      try {
        return Integer.toUnsignedLong(session.readWord(sp + 24)) & ~1L;
      } catch (MemoryAccessException e) {
        // no frame where SP points: fall back to where the core is now
      }
    }
    return Integer.toUnsignedLong(session.readRegister(CoreRegister.PC.selector(), "PC"));
  }
}
