package dev.packs.emulator.internal.cpu;

/**
 * MRS and MSR on the program status registers, the stack pointers, the mask registers and CONTROL,
 * and the banked stack pointer behind {@link Cpu#specialRegister}.
 */
final class SystemRegisters {
  private SystemRegisters() {}

  static void mrs(Cpu cpu, int hw1, int hw2) {
    int d = (hw2 >>> 8) & 0xF;
    if (d == 13 || d == 15) {
      throw Thumb32.undefined(cpu, hw1, hw2);
    }
    int sysm = hw2 & 0xFF;
    int value;
    if (sysm < 8) {
      // APSR bits when SYSm[2] is clear; IPSR is 0 in thread mode; EPSR reads as zero.
      value = (sysm & 4) == 0 ? cpu.xpsr() & apsrMask(cpu) : 0;
    } else {
      value = switch (sysm) {
        case 8 -> cpu.specialRegister(SpecialRegister.MSP);
        case 9 -> cpu.specialRegister(SpecialRegister.PSP);
        case 16 -> cpu.primask;
        case 17, 18 -> requireMainline(cpu, hw1, hw2, cpu.basepri);
        case 19 -> requireMainline(cpu, hw1, hw2, cpu.faultmask);
        case 20 -> cpu.control;
        default -> throw Thumb32.undefined(cpu, hw1, hw2);
      };
    }
    cpu.r[d] = value;
  }

  static void msr(Cpu cpu, int hw1, int hw2) {
    int value = cpu.r[hw1 & 0xF];
    int sysm = hw2 & 0xFF;
    int mask = (hw2 >>> 10) & 3;
    if (sysm < 8) {
      if ((sysm & 4) == 0) {
        writeApsr(cpu, value, cpu.arch.thumb2() ? mask : 2);
      }
      return;
    }
    switch (sysm) {
      case 8 -> cpu.setSpecialRegister(SpecialRegister.MSP, value);
      case 9 -> cpu.setSpecialRegister(SpecialRegister.PSP, value);
      case 16 -> cpu.primask = value & 1;
      case 17 -> cpu.basepri = requireMainline(cpu, hw1, hw2, value & 0xFF);
      case 18 -> {
        int priority = requireMainline(cpu, hw1, hw2, value & 0xFF);
        if (priority != 0 && (priority < cpu.basepri || cpu.basepri == 0)) {
          cpu.basepri = priority;
        }
      }
      case 19 -> cpu.faultmask = requireMainline(cpu, hw1, hw2, value & 1);
      case 20 -> writeControl(cpu, value);
      default -> throw Thumb32.undefined(cpu, hw1, hw2);
    }
  }

  private static int apsrMask(Cpu cpu) {
    return cpu.arch.dsp() ? 0xF80F_0000 : cpu.arch.thumb2() ? 0xF800_0000 : 0xF000_0000;
  }

  private static void writeApsr(Cpu cpu, int value, int mask) {
    if ((mask & 2) != 0) {
      cpu.n = value < 0;
      cpu.z = (value & (1 << 30)) != 0;
      cpu.c = (value & (1 << 29)) != 0;
      cpu.v = (value & (1 << 28)) != 0;
      if (cpu.arch.thumb2()) {
        cpu.q = (value & (1 << 27)) != 0;
      }
    }
    if ((mask & 1) != 0 && cpu.arch.dsp()) {
      cpu.ge = (value >>> 16) & 0xF;
    }
  }

  private static int requireMainline(Cpu cpu, int hw1, int hw2, int value) {
    if (!cpu.arch.thumb2()) {
      throw Thumb32.undefined(cpu, hw1, hw2);
    }
    return value;
  }

  static int read(Cpu cpu, SpecialRegister reg) {
    return switch (reg) {
      case MSP -> processStack(cpu) ? cpu.otherSp : cpu.r[13];
      case PSP -> processStack(cpu) ? cpu.r[13] : cpu.otherSp;
      case PRIMASK -> cpu.primask;
      case BASEPRI -> cpu.basepri;
      case FAULTMASK -> cpu.faultmask;
      case CONTROL -> cpu.control;
    };
  }

  static void write(Cpu cpu, SpecialRegister reg, int value) {
    switch (reg) {
      case MSP -> setStackPointer(cpu, false, value);
      case PSP -> setStackPointer(cpu, true, value);
      case PRIMASK -> cpu.primask = value & 1;
      case BASEPRI -> cpu.basepri = cpu.arch.thumb2() ? value & 0xFF : 0;
      case FAULTMASK -> cpu.faultmask = cpu.arch.thumb2() ? value & 1 : 0;
      case CONTROL -> writeControl(cpu, value);
    }
  }

  /** CONTROL.SPSEL: whether thread mode (the only mode modelled) runs on the process stack. */
  private static boolean processStack(Cpu cpu) {
    return (cpu.control & 2) != 0;
  }

  private static void setStackPointer(Cpu cpu, boolean process, int value) {
    int aligned = value & ~3;
    if (process == processStack(cpu)) {
      cpu.r[13] = aligned;
    } else {
      cpu.otherSp = aligned;
    }
  }

  /** Writes nPRIV (where it exists) and SPSEL, swapping the banked stack pointer when SPSEL changes. */
  static void writeControl(Cpu cpu, int value) {
    int mask = cpu.arch.thumb2() || cpu.arch.v8() ? 3 : 2;
    int updated = value & mask;
    if (((updated ^ cpu.control) & 2) != 0) {
      int sp = cpu.r[13];
      cpu.r[13] = cpu.otherSp;
      cpu.otherSp = sp;
    }
    cpu.control = updated;
  }
}
