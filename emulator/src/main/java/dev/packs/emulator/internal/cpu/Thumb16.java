package dev.packs.emulator.internal.cpu;

/** Executes every 16-bit Thumb encoding (ARMv7-M ARM table A5-1 and its sub-tables). */
final class Thumb16 {
  private Thumb16() {}

  static void execute(Cpu cpu, int hw) {
    switch (hw >>> 12) {
      case 0x0, 0x1 -> shiftAddSubtract(cpu, hw);
      case 0x2, 0x3 -> immediateOperations(cpu, hw);
      case 0x4 -> {
        if ((hw & 0x0800) != 0) {
          int address = (cpu.r[15] & ~3) + ((hw & 0xFF) << 2);
          cpu.r[(hw >>> 8) & 7] = cpu.read32(address);
        } else if ((hw & 0x0400) != 0) {
          specialDataAndBranch(cpu, hw);
        } else {
          dataProcessing(cpu, hw);
        }
      }
      case 0x5 -> loadStoreRegister(cpu, hw);
      case 0x6, 0x7, 0x8 -> loadStoreImmediate(cpu, hw);
      case 0x9 -> {
        int address = cpu.r[13] + ((hw & 0xFF) << 2);
        int t = (hw >>> 8) & 7;
        if ((hw & 0x0800) != 0) {
          cpu.r[t] = cpu.read32(address);
        } else {
          cpu.write32(address, cpu.r[t]);
        }
      }
      case 0xA -> {
        int base = (hw & 0x0800) != 0 ? cpu.r[13] : cpu.r[15] & ~3;
        cpu.r[(hw >>> 8) & 7] = base + ((hw & 0xFF) << 2);
      }
      case 0xB -> Thumb16Misc.execute(cpu, hw);
      case 0xC -> loadStoreMultiple(cpu, hw);
      case 0xD -> conditionalBranch(cpu, hw);
      case 0xE -> {
        if ((hw & 0x0800) != 0) {
          throw cpu.undefined(hw, false);
        }
        cpu.branch(cpu.r[15] + Alu.signExtend((hw & 0x7FF) << 1, 12));
      }
      default -> throw cpu.undefined(hw, false);
    }
  }

  private static void shiftAddSubtract(Cpu cpu, int hw) {
    int d = hw & 7;
    int m = (hw >>> 3) & 7;
    boolean setFlags = cpu.outsideIt();
    int op = (hw >>> 11) & 3;
    if (op == 3) {
      int operand = (hw & 0x0400) != 0 ? (hw >>> 6) & 7 : cpu.r[(hw >>> 6) & 7];
      boolean subtract = (hw & 0x0200) != 0;
      cpu.r[d] = subtract ? cpu.addWithCarry(cpu.r[m], ~operand, true, setFlags)
          : cpu.addWithCarry(cpu.r[m], operand, false, setFlags);
      return;
    }
    int imm5 = (hw >>> 6) & 0x1F;
    int result = Alu.shift(cpu, cpu.r[m], op, Alu.immShiftAmount(op, imm5));
    cpu.r[d] = result;
    if (setFlags) {
      cpu.setLogicalFlags(result);
    }
  }

  private static void immediateOperations(Cpu cpu, int hw) {
    int d = (hw >>> 8) & 7;
    int imm = hw & 0xFF;
    boolean setFlags = cpu.outsideIt();
    switch ((hw >>> 11) & 3) {
      case 0 -> {
        cpu.r[d] = imm;
        if (setFlags) {
          cpu.setNz(imm);
        }
      }
      case 1 -> cpu.addWithCarry(cpu.r[d], ~imm, true, true);
      case 2 -> cpu.r[d] = cpu.addWithCarry(cpu.r[d], imm, false, setFlags);
      default -> cpu.r[d] = cpu.addWithCarry(cpu.r[d], ~imm, true, setFlags);
    }
  }

  private static void dataProcessing(Cpu cpu, int hw) {
    int d = hw & 7;
    int m = (hw >>> 3) & 7;
    int rd = cpu.r[d];
    int rm = cpu.r[m];
    boolean setFlags = cpu.outsideIt();
    int result;
    switch ((hw >>> 6) & 0xF) {
      case 0x0 -> result = logical(cpu, d, rd & rm, setFlags);
      case 0x1 -> result = logical(cpu, d, rd ^ rm, setFlags);
      case 0x2, 0x3, 0x4, 0x7 -> {
        int type = switch ((hw >>> 6) & 0xF) {
          case 0x2 -> Alu.LSL;
          case 0x3 -> Alu.LSR;
          case 0x4 -> Alu.ASR;
          default -> Alu.ROR;
        };
        result = logical(cpu, d, Alu.shift(cpu, rd, type, rm & 0xFF), setFlags);
        if (setFlags) {
          cpu.c = cpu.shiftCarry;
        }
      }
      case 0x5 -> cpu.r[d] = cpu.addWithCarry(rd, rm, cpu.c, setFlags);
      case 0x6 -> cpu.r[d] = cpu.addWithCarry(rd, ~rm, cpu.c, setFlags);
      case 0x8 -> {
        result = rd & rm;
        cpu.setNz(result);
      }
      case 0x9 -> cpu.r[d] = cpu.addWithCarry(~rm, 0, true, setFlags);
      case 0xA -> cpu.addWithCarry(rd, ~rm, true, true);
      case 0xB -> cpu.addWithCarry(rd, rm, false, true);
      case 0xC -> result = logical(cpu, d, rd | rm, setFlags);
      case 0xD -> {
        result = rd * rm;
        cpu.r[d] = result;
        if (setFlags) {
          cpu.setNz(result);
        }
      }
      case 0xE -> result = logical(cpu, d, rd & ~rm, setFlags);
      default -> result = logical(cpu, d, ~rm, setFlags);
    }
  }

  /** Writes a logical result; shifts by register leave their carry in shiftCarry, others keep C. */
  private static int logical(Cpu cpu, int d, int result, boolean setFlags) {
    cpu.r[d] = result;
    if (setFlags) {
      cpu.n = result < 0;
      cpu.z = result == 0;
    }
    return result;
  }

  private static void specialDataAndBranch(Cpu cpu, int hw) {
    int m = (hw >>> 3) & 0xF;
    int d = (hw & 7) | ((hw >>> 4) & 8);
    switch ((hw >>> 8) & 3) {
      case 0 -> {
        int result = cpu.r[d] + cpu.r[m];
        cpu.writeAluResult(d, d == 13 ? result & ~3 : result);
      }
      case 1 -> cpu.addWithCarry(cpu.r[d], ~cpu.r[m], true, true);
      case 2 -> cpu.writeAluResult(d, d == 13 ? cpu.r[m] & ~3 : cpu.r[m]);
      default -> {
        int target = cpu.r[m];
        if ((hw & 0x0080) != 0) {
          cpu.r[14] = cpu.next | 1;
        }
        cpu.interworkingBranch(target);
      }
    }
  }

  private static void loadStoreRegister(Cpu cpu, int hw) {
    int t = hw & 7;
    int address = cpu.r[(hw >>> 3) & 7] + cpu.r[(hw >>> 6) & 7];
    switch ((hw >>> 9) & 7) {
      case 0 -> cpu.write32(address, cpu.r[t]);
      case 1 -> cpu.write16(address, cpu.r[t]);
      case 2 -> cpu.write8(address, cpu.r[t]);
      case 3 -> cpu.r[t] = (byte) cpu.read8(address);
      case 4 -> cpu.r[t] = cpu.read32(address);
      case 5 -> cpu.r[t] = cpu.read16(address);
      case 6 -> cpu.r[t] = cpu.read8(address);
      default -> cpu.r[t] = (short) cpu.read16(address);
    }
  }

  private static void loadStoreImmediate(Cpu cpu, int hw) {
    int t = hw & 7;
    int base = cpu.r[(hw >>> 3) & 7];
    int imm5 = (hw >>> 6) & 0x1F;
    boolean load = (hw & 0x0800) != 0;
    switch (hw >>> 12) {
      case 0x6 -> {
        if (load) {
          cpu.r[t] = cpu.read32(base + (imm5 << 2));
        } else {
          cpu.write32(base + (imm5 << 2), cpu.r[t]);
        }
      }
      case 0x7 -> {
        if (load) {
          cpu.r[t] = cpu.read8(base + imm5);
        } else {
          cpu.write8(base + imm5, cpu.r[t]);
        }
      }
      default -> {
        if (load) {
          cpu.r[t] = cpu.read16(base + (imm5 << 1));
        } else {
          cpu.write16(base + (imm5 << 1), cpu.r[t]);
        }
      }
    }
  }

  private static void loadStoreMultiple(Cpu cpu, int hw) {
    int n = (hw >>> 8) & 7;
    int list = hw & 0xFF;
    if (list == 0) {
      throw cpu.undefined(hw, false);
    }
    int address = cpu.r[n];
    if ((hw & 0x0800) != 0) {
      for (int i = 0; i < 8; i++) {
        if ((list & (1 << i)) != 0) {
          cpu.r[i] = cpu.read32Aligned(address);
          address += 4;
        }
      }
      if ((list & (1 << n)) == 0) {
        cpu.r[n] = address;
      }
    } else {
      for (int i = 0; i < 8; i++) {
        if ((list & (1 << i)) != 0) {
          cpu.write32Aligned(address, cpu.r[i]);
          address += 4;
        }
      }
      cpu.r[n] = address;
    }
  }

  private static void conditionalBranch(Cpu cpu, int hw) {
    int cond = (hw >>> 8) & 0xF;
    if (cond == 0xE) {
      throw cpu.undefined(hw, false);
    }
    if (cond == 0xF) {
      throw cpu.fault(Fault.Kind.SUPERVISOR_CALL, java.util.OptionalInt.empty(),
          String.format("SVC #%d needs exception entry, which is not emulated", hw & 0xFF));
    }
    if (cpu.conditionPassed(cond)) {
      cpu.branch(cpu.r[15] + Alu.signExtend((hw & 0xFF) << 1, 9));
    }
  }
}
