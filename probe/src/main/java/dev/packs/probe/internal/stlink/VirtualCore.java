package dev.packs.probe.internal.stlink;

import dev.packs.probe.internal.arm.CortexM;

import static dev.packs.probe.internal.arm.CortexM.C_DEBUGEN;
import static dev.packs.probe.internal.arm.CortexM.C_HALT;
import static dev.packs.probe.internal.arm.CortexM.C_MASKINTS;
import static dev.packs.probe.internal.arm.CortexM.C_STEP;

import dev.packs.emulator.Emulator;
import dev.packs.target.CoreRegister;
import dev.packs.target.Fault;
import dev.packs.target.Halt;
import dev.packs.target.MemoryAccessException;
import dev.packs.target.RunLimit;
import java.time.Duration;
import java.util.Optional;

/**
 * The Cortex-M debug logic the virtual ST-Link's target has, over the emulator: DHCSR with its key,
 * halt, step and run; DCRSR/DCRDR; DEMCR vector catch on core reset and HardFault; DFSR; AIRCR
 * SYSRESETREQ; and the HardFault entry (frame pushed, CFSR/HFSR/BFAR set) the emulator itself does
 * not model. A running core advances one slice of instructions each time DHCSR is read, so a host
 * that polls sees the core run, deterministically. A vector where the device maps no memory is read
 * through the boot alias of main flash at 0x08000000, as on an STM32 booting from flash.
 */
final class VirtualCore {
  /** Instructions a running core executes per DHCSR read: about 1 ms of a 16 MHz core. */
  static final int SLICE = 20_000;
  private static final int EXC_RETURN_MSP = 0xFFFF_FFF9;
  private static final int HARD_FAULT = 3;
  private static final int HFSR_DEBUGEVT = 1 << 31;

  private final Emulator emulator;
  /** Where an STM32's main flash lies, which it aliases at 0 when it boots from flash. */
  static final long BOOT_ALIAS = 0x0800_0000L;
  private boolean halted;
  private boolean lockedUp;
  private boolean regReady = true;
  private boolean retired;
  private boolean wasReset;
  private int control;
  private int dfsr;
  private int demcr;
  private int dcrdr;
  private int cfsr;
  private int hfsr;
  private int bfar;
  private int mmfar;

  VirtualCore(Emulator emulator) {
    this.emulator = emulator;
    systemReset(); // power on: the core runs whatever flash holds
  }

  boolean halted() {
    return halted;
  }

  /** Whether a word address is one of the debug or fault registers this model owns. */
  static boolean owns(long address) {
    return address == CortexM.DHCSR || address == CortexM.DCRSR || address == CortexM.DCRDR
        || address == CortexM.DEMCR || address == CortexM.DFSR || address == CortexM.CFSR
        || address == CortexM.HFSR || address == CortexM.MMFAR || address == CortexM.BFAR
        || address == CortexM.AIRCR;
  }

  int read(long address) {
    if (address == CortexM.DHCSR) {
      return readDhcsr();
    }
    if (address == CortexM.AIRCR) {
      return emulator.readWord(address);
    }
    return address == CortexM.DCRSR ? 0 : address == CortexM.DCRDR ? dcrdr
        : address == CortexM.DEMCR ? demcr : address == CortexM.DFSR ? dfsr
        : address == CortexM.CFSR ? cfsr : address == CortexM.HFSR ? hfsr
        : address == CortexM.MMFAR ? mmfar : bfar;
  }

  void write(long address, int value) {
    if (address == CortexM.DHCSR) {
      writeDhcsr(value);
    } else if (address == CortexM.DCRSR) {
      transferRegister(value);
    } else if (address == CortexM.DCRDR) {
      dcrdr = value;
    } else if (address == CortexM.DEMCR) {
      demcr = value & 0x010F_07F1;
    } else if (address == CortexM.DFSR) {
      dfsr &= ~value;
    } else if (address == CortexM.CFSR) {
      cfsr &= ~value;
    } else if (address == CortexM.HFSR) {
      hfsr &= ~value;
    } else if (address == CortexM.MMFAR) {
      mmfar = value;
    } else if (address == CortexM.BFAR) {
      bfar = value;
    } else if (address == CortexM.AIRCR && (value & 0xFFFF_0000) == CortexM.VECTKEY) {
      emulator.writeWord(address, value & 0x700 | CortexM.VECTKEY);
      if ((value & CortexM.SYSRESETREQ) != 0) {
        systemReset();
      }
    }
  }

  private int readDhcsr() {
    if (!halted && !lockedUp) {
      advance(SLICE);
    }
    int value = control & (C_DEBUGEN | C_STEP | C_MASKINTS) | (halted ? C_HALT | CortexM.S_HALT : 0)
        | (regReady ? CortexM.S_REGRDY : 0) | (lockedUp ? CortexM.S_LOCKUP : 0)
        | (retired ? CortexM.S_RETIRE_ST : 0) | (wasReset ? CortexM.S_RESET_ST : 0);
    retired = false;
    wasReset = false;
    return value;
  }

  private void writeDhcsr(int value) {
    if ((value & 0xFFFF_0000) != CortexM.DBGKEY) {
      return; // writes without the key are ignored
    }
    control = value & 0xF;
    if ((value & C_DEBUGEN) == 0) {
      halted = false; // debug disabled: the core runs
      return;
    }
    if ((value & C_HALT) != 0) {
      if (!halted) {
        halted = true;
        dfsr |= CortexM.DFSR_HALTED;
      }
      return;
    }
    if (halted) {
      halted = false;
      lockedUp = false;
      regReady = false;
      if ((value & C_STEP) != 0) {
        advance(1);
        if (!halted) {
          halted = true;
          dfsr |= CortexM.DFSR_HALTED;
        }
      }
    }
  }

  /** DCRSR: moves a register to or from DCRDR; only a halted core answers (S_REGRDY). */
  private void transferRegister(int value) {
    if (!halted) {
      regReady = false;
      return;
    }
    int selector = value & 0x7F;
    if ((value & CortexM.REGWNR) != 0) {
      writeRegister(selector, dcrdr);
    } else {
      dcrdr = readRegister(selector);
    }
    regReady = true;
  }

  /** A core register by DCRSR selector; selectors the emulator lacks read 0 and ignore writes. */
  int readRegister(int selector) {
    return register(selector).map(emulator::readRegister).orElse(0);
  }

  void writeRegister(int selector, int value) {
    register(selector).ifPresent(r -> emulator.writeRegister(r, value));
  }

  private static Optional<CoreRegister> register(int selector) {
    for (CoreRegister r : CoreRegister.values()) {
      if (r.selector() == selector) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  private void advance(long instructions) {
    Halt stop = emulator.run(RunLimit.of(instructions, Duration.ofMinutes(1)));
    retired |= stop.instructions() > 0;
    switch (stop.reason()) {
      case BREAKPOINT -> {
        if ((control & C_DEBUGEN) != 0) {
          halted = true;
          dfsr |= CortexM.DFSR_BKPT;
        } else {
          hardFault(stop.pc(), 0, HFSR_DEBUGEVT, Optional.empty());
        }
      }
      case FAULT -> {
        Fault f = stop.fault().orElseThrow();
        hardFault(f.pc(), faultStatus(f), CortexM.HFSR_FORCED, f.address().isPresent()
            ? Optional.of((int) f.address().getAsLong()) : Optional.empty());
      }
      case LIMIT, HALTED -> { }
    }
  }

  /** The CFSR bits a fault of this kind sets. */
  private static int faultStatus(Fault f) {
    return switch (f.kind()) {
      case UNDEFINED_INSTRUCTION -> CortexM.CFSR_UNDEFINSTR;
      case UNALIGNED_ACCESS -> CortexM.CFSR_UNALIGNED;
      case BUS_ERROR -> f.address().isPresent() && f.address().getAsLong() == f.pc()
          ? CortexM.CFSR_IBUSERR : CortexM.CFSR_PRECISERR | CortexM.CFSR_BFARVALID;
      case OTHER -> f.detail().contains("INVALID_STATE") ? CortexM.CFSR_INVSTATE
          : f.detail().contains("DIVIDE_BY_ZERO") ? CortexM.CFSR_DIVBYZERO : 0;
    };
  }

  /** HardFault entry: status registers, the stacked frame, the handler; a failed entry locks up. */
  private void hardFault(long pc, int status, int hardStatus, Optional<Integer> address) {
    cfsr |= status;
    hfsr |= hardStatus;
    if ((status & CortexM.CFSR_BFARVALID) != 0) {
      bfar = address.orElse(0);
    }
    if (!enterException((int) pc, HARD_FAULT)) {
      lockedUp = true;
      return;
    }
    if ((demcr & CortexM.VC_HARDERR) != 0 && (control & C_DEBUGEN) != 0) {
      halted = true;
      dfsr |= CortexM.DFSR_VCATCH;
    }
  }

  private boolean enterException(int returnAddress, int number) {
    try {
      long sp = Integer.toUnsignedLong(emulator.readRegister(CoreRegister.SP));
      int xpsr = emulator.readRegister(CoreRegister.XPSR);
      boolean realign = (sp & 4) != 0;
      long frame = sp - 32 - (realign ? 4 : 0);
      if (frame < 0) {
        return false;
      }
      int[] words = {reg(CoreRegister.R0), reg(CoreRegister.R1), reg(CoreRegister.R2),
          reg(CoreRegister.R3), reg(CoreRegister.R12), reg(CoreRegister.LR), returnAddress,
          xpsr | (realign ? 1 << 9 : 0)};
      byte[] bytes = new byte[32];
      for (int i = 0; i < words.length; i++) {
        for (int b = 0; b < 4; b++) {
          bytes[4 * i + b] = (byte) (words[i] >>> (8 * b));
        }
      }
      emulator.write(frame, bytes);
      long vtor = Integer.toUnsignedLong(emulator.readWord(CortexM.VTOR));
      int handler = vector(vtor + 4L * number);
      emulator.writeRegister(CoreRegister.SP, (int) frame);
      emulator.writeRegister(CoreRegister.LR, EXC_RETURN_MSP);
      emulator.writeRegister(CoreRegister.PC, handler & ~1);
      emulator.writeRegister(CoreRegister.XPSR, xpsr & 0xF80F_0000 | 1 << 24 | number);
      return true;
    } catch (MemoryAccessException e) {
      return false;
    }
  }

  private int reg(CoreRegister r) {
    return emulator.readRegister(r);
  }

  private int vector(long address) {
    try {
      return emulator.readWord(address);
    } catch (MemoryAccessException e) {
      return emulator.readWord(BOOT_ALIAS + address); // nothing mapped there: the STM32 boot alias
    }
  }

  /** SYSRESETREQ, RESETSYS or NRST: peripherals reset, SP and PC from the vector table. */
  void systemReset() {
    emulator.resetPeripherals();
    cfsr = 0;
    hfsr = 0;
    lockedUp = false;
    wasReset = true;
    try {
      int sp = vector(0);
      int pc = vector(4);
      emulator.writeRegister(CoreRegister.SP, sp);
      emulator.writeRegister(CoreRegister.LR, -1);
      emulator.writeRegister(CoreRegister.PC, pc & ~1);
      emulator.writeRegister(CoreRegister.XPSR, 1 << 24);
    } catch (MemoryAccessException e) {
      lockedUp = true;
    }
    if ((demcr & CortexM.VC_CORERESET) != 0 && (control & C_DEBUGEN) != 0) {
      halted = true;
      dfsr |= CortexM.DFSR_VCATCH;
    } else {
      halted = false;
    }
  }
}
