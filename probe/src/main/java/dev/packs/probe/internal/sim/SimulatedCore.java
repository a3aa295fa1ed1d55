package dev.packs.probe.internal.sim;

import dev.packs.emulator.Emulator;
import dev.packs.probe.internal.arm.CortexM;
import dev.packs.target.CoreRegister;
import dev.packs.target.Fault;
import dev.packs.target.Halt;
import dev.packs.target.MemoryAccessException;
import dev.packs.target.RunLimit;
import dev.packs.target.StopReason;
import java.time.Duration;

/**
 * The Cortex-M debug logic on top of the emulator, as a MEM-AP sees it: DHCSR (with its key),
 * DCRSR/DCRDR, DEMCR, DFSR, AIRCR reset, and the fault status registers. A running core advances a
 * fixed number of instructions per SWD transfer, so polls take simulated time. A fault enters
 * HardFault as the core would: the frame is stacked, and with DEMCR.VC_HARDERR the core halts there.
 */
public final class SimulatedCore {
  private static final RunLimit UNLIMITED_TIME = RunLimit.time(Duration.ofDays(1));

  private final Emulator emulator;
  private final FaultPlan faults;
  private final int quantum;
  private final long bootAddress;
  private boolean halted = true;
  private boolean lockup;
  private boolean resetSeen;
  private boolean retired;
  private int control = CortexM.C_DEBUGEN | CortexM.C_HALT;
  private int dcrdr;
  private int demcr;
  private int dfsr;
  private int cfsr;
  private int hfsr;
  private int bfar;

  /**
   * @param quantum instructions the core runs per SWD transfer while it runs
   * @param bootAddress where the vector table is when address 0 holds none (STM32 boot alias)
   */
  public SimulatedCore(Emulator emulator, FaultPlan faults, int quantum, long bootAddress) {
    this.emulator = emulator;
    this.faults = faults;
    this.quantum = quantum;
    this.bootAddress = bootAddress;
  }

  public Emulator emulator() {
    return emulator;
  }

  public boolean halted() {
    return halted;
  }

  /** One SWD transfer's worth of time: a running core runs its quantum of instructions. */
  void tick() {
    if (halted || lockup) {
      return;
    }
    Halt stop = emulator.run(RunLimit.of(quantum, UNLIMITED_TIME.time()));
    retired |= stop.instructions() > 0;
    if (stop.reason() == StopReason.BREAKPOINT) {
      enterDebug(CortexM.DFSR_BKPT);
    } else if (stop.reason() == StopReason.FAULT) {
      hardFault(stop.fault().orElseThrow());
    }
  }

  private void enterDebug(int reason) {
    halted = true;
    dfsr |= reason;
  }

  /** Memory as the AHB-AP reaches it: the debug registers here, everything else the emulator's. */
  int read(long address, int size) throws BusError {
    if (size == 4) {
      switch ((int) address) {
        case (int) CortexM.DHCSR: return dhcsr();
        case (int) CortexM.DCRSR: return 0;
        case (int) CortexM.DCRDR: return dcrdr;
        case (int) CortexM.DEMCR: return demcr;
        case (int) CortexM.DFSR: return dfsr;
        case (int) CortexM.CFSR: return cfsr;
        case (int) CortexM.HFSR: return hfsr;
        case (int) CortexM.BFAR: return bfar;
        default: break;
      }
    }
    if (faults.faults(address)) {
      throw new BusError(address);
    }
    try {
      if (size == 4) {
        return emulator.readWord(address);
      }
      byte[] bytes = emulator.read(address, size);
      return size == 1 ? bytes[0] & 0xFF : (bytes[0] & 0xFF) | (bytes[1] & 0xFF) << 8;
    } catch (MemoryAccessException e) {
      throw new BusError(address);
    }
  }

  void write(long address, int size, int value) throws BusError {
    if (size == 4 && writeDebug(address, value)) {
      return;
    }
    if (faults.faults(address)) {
      throw new BusError(address);
    }
    try {
      if (size == 4) {
        emulator.writeWord(address, value);
      } else {
        byte[] bytes = size == 1 ? new byte[] {(byte) value} : new byte[] {(byte) value, (byte) (value >> 8)};
        emulator.write(address, bytes);
      }
    } catch (MemoryAccessException e) {
      throw new BusError(address);
    }
  }

  private boolean writeDebug(long address, int value) {
    switch ((int) address) {
      case (int) CortexM.DHCSR -> writeDhcsr(value);
      case (int) CortexM.DCRSR -> transferRegister(value);
      case (int) CortexM.DCRDR -> dcrdr = value;
      case (int) CortexM.DEMCR -> demcr = value & 0x010F_07F1;
      case (int) CortexM.DFSR -> dfsr &= ~value;
      case (int) CortexM.CFSR -> cfsr &= ~value;
      case (int) CortexM.HFSR -> hfsr &= ~value;
      case (int) CortexM.BFAR -> bfar = value;
      case (int) CortexM.AIRCR -> {
        if ((value & 0xFFFF_0000) == CortexM.VECTKEY && (value & CortexM.SYSRESETREQ) != 0) {
          reset();
        }
        return (value & 0xFFFF_0000) != CortexM.VECTKEY;
      }
      default -> {
        return false;
      }
    }
    return true;
  }

  private int dhcsr() {
    int value = control & 0x2F | CortexM.S_REGRDY;
    value |= halted ? CortexM.S_HALT : 0;
    value |= lockup ? CortexM.S_LOCKUP : 0;
    value |= retired ? CortexM.S_RETIRE_ST : 0;
    value |= resetSeen ? CortexM.S_RESET_ST : 0;
    retired = false;
    resetSeen = false;
    return value;
  }

  private void writeDhcsr(int value) {
    if ((value & 0xFFFF_0000) != CortexM.DBGKEY) {
      return; // without the key the write is ignored
    }
    control = value & 0x2F;
    if ((control & CortexM.C_DEBUGEN) == 0) {
      halted = false;
      return;
    }
    if ((control & CortexM.C_HALT) != 0) {
      if (!halted) {
        lockup = false;
        enterDebug(CortexM.DFSR_HALTED);
      }
    } else if (halted) {
      halted = false;
      if ((control & CortexM.C_STEP) != 0) {
        tick1();
      }
    }
  }

  private void tick1() {
    Halt stop = emulator.run(RunLimit.of(1, UNLIMITED_TIME.time()));
    if (stop.reason() == StopReason.FAULT) {
      hardFault(stop.fault().orElseThrow());
    } else if (stop.reason() == StopReason.BREAKPOINT) {
      enterDebug(CortexM.DFSR_BKPT);
    } else {
      enterDebug(CortexM.DFSR_HALTED);
    }
  }

  /** DCRSR: moves a core register to or from DCRDR; only a halted core answers. */
  private void transferRegister(int value) {
    if (!halted) {
      return;
    }
    int selector = value & 0x7F;
    boolean write = (value & CortexM.REGWNR) != 0;
    if (selector > CoreRegister.PSP.selector()) {
      if (!write) {
        dcrdr = 0; // CONTROL/PRIMASK and FP registers are not modelled
      }
      return;
    }
    CoreRegister register = CoreRegister.values()[selector];
    if (write) {
      emulator.writeRegister(register, register == CoreRegister.PC ? dcrdr & ~1 : dcrdr);
    } else {
      dcrdr = emulator.readRegister(register);
    }
  }

  /** SYSRESETREQ: peripherals reset, the core loads SP and PC from the vector table. */
  void reset() {
    emulator.resetPeripherals();
    resetSeen = true;
    lockup = false;
    cfsr = 0;
    hfsr = 0;
    int sp = 0;
    int pc = -1;
    boolean vectors = false;
    for (long table : new long[] {0, bootAddress}) {
      try {
        sp = emulator.readWord(table);
        pc = emulator.readWord(table + 4);
        vectors = true;
        break;
      } catch (MemoryAccessException e) {
        // No memory there: try the boot alias.
      }
    }
    emulator.writeRegister(CoreRegister.MSP, sp & ~3);
    emulator.writeRegister(CoreRegister.PC, pc & ~1);
    emulator.writeRegister(CoreRegister.XPSR, (pc & 1) << 24);
    emulator.writeRegister(CoreRegister.LR, -1);
    if ((demcr & CortexM.VC_CORERESET) != 0) {
      halted = true;
      dfsr |= CortexM.DFSR_VCATCH;
    } else if ((control & CortexM.C_HALT) != 0) {
      halted = true;
      dfsr |= CortexM.DFSR_HALTED;
    } else {
      halted = false;
      lockup = !vectors;
    }
  }

  /** Exception entry into HardFault, or lockup when the core cannot take it. */
  private void hardFault(Fault fault) {
    cfsr |= switch (fault.kind()) {
      case BUS_ERROR -> CortexM.CFSR_PRECISERR | (fault.address().isPresent() ? CortexM.CFSR_BFARVALID : 0);
      case UNDEFINED_INSTRUCTION -> CortexM.CFSR_UNDEFINSTR;
      case UNALIGNED_ACCESS -> CortexM.CFSR_UNALIGNED;
      case OTHER -> CortexM.CFSR_INVSTATE;
    };
    fault.address().ifPresent(a -> bfar = (int) a);
    hfsr |= CortexM.HFSR_FORCED;
    int xpsr = emulator.readRegister(CoreRegister.XPSR);
    if ((xpsr & 0x1FF) != 0 || !stackFrame(fault, xpsr)) {
      lockup = true;
      return;
    }
    if ((demcr & CortexM.VC_HARDERR) != 0) {
      enterDebug(CortexM.DFSR_VCATCH);
    }
  }

  private boolean stackFrame(Fault fault, int xpsr) {
    try {
      int sp = (emulator.readRegister(CoreRegister.SP) - 32) & ~7;
      int[] frame = {
        emulator.readRegister(CoreRegister.R0), emulator.readRegister(CoreRegister.R1),
        emulator.readRegister(CoreRegister.R2), emulator.readRegister(CoreRegister.R3),
        emulator.readRegister(CoreRegister.R12), emulator.readRegister(CoreRegister.LR),
        (int) fault.pc(), xpsr
      };
      for (int i = 0; i < frame.length; i++) {
        emulator.writeWord(Integer.toUnsignedLong(sp) + 4L * i, frame[i]);
      }
      long vtor = Integer.toUnsignedLong(emulator.readWord(CortexM.VTOR));
      int handler = readVector(vtor + 12);
      emulator.writeRegister(CoreRegister.MSP, sp);
      emulator.writeRegister(CoreRegister.LR, 0xFFFF_FFF9);
      emulator.writeRegister(CoreRegister.XPSR, (xpsr & ~0x1FF) | 3);
      emulator.writeRegister(CoreRegister.PC, handler & ~1);
      return true;
    } catch (MemoryAccessException e) {
      return false;
    }
  }

  private int readVector(long address) {
    try {
      return emulator.readWord(address);
    } catch (MemoryAccessException e) {
      return emulator.readWord(bootAddress + (address & 0xFFFF));
    }
  }
}
