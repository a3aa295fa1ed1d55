package dev.packs.probe.internal.arm;

import dev.packs.target.CoreRegister;
import dev.packs.target.Fault;
import dev.packs.target.FaultKind;
import dev.packs.target.Halt;
import dev.packs.target.StopReason;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Why the core halted, from what the halt poll read: DFSR.BKPT is a breakpoint, DFSR.VCATCH a fault
 * caught on its way into HardFault (read from CFSR, BFAR and the stacked frame), a locked-up core a
 * fault too; otherwise it was halted, by the host or on its time limit.
 */
final class HaltDecoder {
  private final CortexMTarget target;

  HaltDecoder(CortexMTarget target) {
    this.target = target;
  }

  Halt decode(CoreDebug.Poll poll, StopReason forced, boolean lockedUp) {
    int dfsr = poll.dfsr[0];
    if (poll.r0.ready()) {
      target.remember(CoreRegister.R0.selector(), poll.r0.value());
    }
    if (poll.pc.ready()) {
      target.remember(CoreRegister.PC.selector(), poll.pc.value());
    }
    long pc = Integer.toUnsignedLong(target.registerNow(CoreRegister.PC));
    if ((dfsr & CortexM.DFSR_BKPT) != 0) {
      return new Halt(StopReason.BREAKPOINT, pc, 0, Optional.empty());
    }
    if ((dfsr & CortexM.DFSR_VCATCH) != 0) {
      Fault fault = caughtFault(pc);
      return new Halt(StopReason.FAULT, fault.pc(), 0, Optional.of(fault));
    }
    if (lockedUp) {
      Fault fault = new Fault(FaultKind.OTHER, pc, OptionalLong.empty(),
          "the core locked up (a fault inside the HardFault handler)");
      return new Halt(StopReason.FAULT, pc, 0, Optional.of(fault));
    }
    return new Halt(forced == null ? StopReason.HALTED : forced, pc, 0, Optional.empty());
  }

  /** The core stopped on entry to HardFault: the faulting PC is in the frame it stacked. */
  private Fault caughtFault(long handlerPc) {
    int[] status = target.readWordsNow(CortexM.CFSR, 2);
    int cfsr = status[0];
    int hfsr = status[1];
    int bfar = target.readWordsNow(CortexM.BFAR, 1)[0];
    int lr = target.registerNow(CoreRegister.LR);
    int sp = target.registerNow((lr & 4) != 0 ? CoreRegister.PSP : CoreRegister.MSP);
    long pc = target.tryReadWord(Integer.toUnsignedLong(sp) + 24)
        .map(Integer::toUnsignedLong).orElse(handlerPc);
    OptionalLong address = (cfsr & CortexM.CFSR_BFARVALID) != 0
        ? OptionalLong.of(Integer.toUnsignedLong(bfar)) : OptionalLong.empty();
    FaultKind kind;
    if ((cfsr & (CortexM.CFSR_PRECISERR | CortexM.CFSR_IMPRECISERR | CortexM.CFSR_IBUSERR)) != 0) {
      kind = FaultKind.BUS_ERROR;
    } else if ((cfsr & CortexM.CFSR_UNDEFINSTR) != 0) {
      kind = FaultKind.UNDEFINED_INSTRUCTION;
    } else if ((cfsr & CortexM.CFSR_UNALIGNED) != 0) {
      kind = FaultKind.UNALIGNED_ACCESS;
    } else {
      kind = FaultKind.OTHER;
    }
    String detail = String.format("HardFault (CFSR 0x%08X, HFSR 0x%08X)", cfsr, hfsr);
    return new Fault(kind, pc & 0xFFFF_FFFEL, address, detail);
  }
}
