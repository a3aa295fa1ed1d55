package dev.packs.emulator.internal.cpu;

/**
 * 32-bit data processing: modified immediate, plain binary immediate (ADDW, MOVW/MOVT, bit-field,
 * saturation) and shifted register (including PKHBT/PKHTB).
 */
final class DataProcessing {
  private DataProcessing() {}

  static void modifiedImmediate(Cpu cpu, int hw1, int hw2) {
    int imm12 = ((hw1 >>> 10) & 1) << 11 | ((hw2 >>> 12) & 7) << 8 | (hw2 & 0xFF);
    int operand = Alu.expandImm(cpu, imm12);
    operate(cpu, hw1, hw2, (hw1 >>> 5) & 0xF, operand);
  }

  static void shiftedRegister(Cpu cpu, int hw1, int hw2) {
    int op = (hw1 >>> 5) & 0xF;
    int type = (hw2 >>> 4) & 3;
    int imm5 = ((hw2 >>> 12) & 7) << 2 | ((hw2 >>> 6) & 3);
    int rm = cpu.r[hw2 & 0xF];
    if (op == 6) {
      packHalfword(cpu, hw1, hw2, type, imm5, rm);
      return;
    }
    int operand = Alu.shift(cpu, rm, Alu.immShiftType(type, imm5), Alu.immShiftAmount(type, imm5));
    operate(cpu, hw1, hw2, op, operand);
  }

  /** The shared opcode table of the modified-immediate and shifted-register forms. */
  private static void operate(Cpu cpu, int hw1, int hw2, int op, int operand) {
    boolean setFlags = (hw1 & 0x10) != 0;
    int n = hw1 & 0xF;
    int d = (hw2 >>> 8) & 0xF;
    int rn = cpu.r[n];
    boolean test = d == 15 && setFlags;
    switch (op) {
      case 0x0 -> logical(cpu, d, rn & operand, setFlags, test);
      case 0x1 -> logical(cpu, d, rn & ~operand, setFlags, false);
      case 0x2 -> logical(cpu, d, n == 15 ? operand : rn | operand, setFlags, false);
      case 0x3 -> logical(cpu, d, n == 15 ? ~operand : rn | ~operand, setFlags, false);
      case 0x4 -> logical(cpu, d, rn ^ operand, setFlags, test);
      case 0x8 -> arithmetic(cpu, d, rn, operand, false, setFlags, test);
      case 0xA -> arithmetic(cpu, d, rn, operand, cpu.c, setFlags, false);
      case 0xB -> arithmetic(cpu, d, rn, ~operand, cpu.c, setFlags, false);
      case 0xD -> arithmetic(cpu, d, rn, ~operand, true, setFlags, test);
      case 0xE -> arithmetic(cpu, d, ~rn, operand, true, setFlags, false);
      default -> throw Thumb32.undefined(cpu, hw1, hw2);
    }
  }

  private static void logical(Cpu cpu, int d, int result, boolean setFlags, boolean test) {
    if (!test) {
      cpu.r[d] = result;
    }
    if (setFlags) {
      cpu.setLogicalFlags(result);
    }
  }

  private static void arithmetic(Cpu cpu, int d, int x, int y, boolean carry, boolean setFlags, boolean test) {
    int result = cpu.addWithCarry(x, y, carry, setFlags);
    if (!test) {
      cpu.r[d] = result;
    }
  }

  private static void packHalfword(Cpu cpu, int hw1, int hw2, int type, int imm5, int rm) {
    if (!cpu.arch.dsp() || (hw1 & 0x10) != 0 || (type & 1) != 0) {
      throw Thumb32.undefined(cpu, hw1, hw2);
    }
    int rn = cpu.r[hw1 & 0xF];
    int d = (hw2 >>> 8) & 0xF;
    if (type == 0) {
      cpu.r[d] = (rn & 0xFFFF) | (Alu.shiftNoCarry(rm, Alu.LSL, imm5) & 0xFFFF_0000);
    } else {
      int shifted = Alu.shiftNoCarry(rm, Alu.ASR, imm5 == 0 ? 32 : imm5);
      cpu.r[d] = (rn & 0xFFFF_0000) | (shifted & 0xFFFF);
    }
  }

  static void plainImmediate(Cpu cpu, int hw1, int hw2) {
    int op = (hw1 >>> 4) & 0x1F;
    int n = hw1 & 0xF;
    int d = (hw2 >>> 8) & 0xF;
    int imm12 = ((hw1 >>> 10) & 1) << 11 | ((hw2 >>> 12) & 7) << 8 | (hw2 & 0xFF);
    switch (op) {
      case 0x00 -> cpu.r[d] = (n == 15 ? cpu.r[15] & ~3 : cpu.r[n]) + imm12;
      case 0x0A -> cpu.r[d] = (n == 15 ? cpu.r[15] & ~3 : cpu.r[n]) - imm12;
      case 0x04 -> cpu.r[d] = (hw1 & 0xF) << 12 | imm12;
      case 0x0C -> cpu.r[d] = ((hw1 & 0xF) << 12 | imm12) << 16 | (cpu.r[d] & 0xFFFF);
      case 0x10, 0x12, 0x18, 0x1A -> saturate(cpu, hw1, hw2);
      case 0x14, 0x1C -> bitFieldExtract(cpu, hw1, hw2, op == 0x14);
      case 0x16 -> bitFieldInsert(cpu, hw1, hw2);
      default -> throw Thumb32.undefined(cpu, hw1, hw2);
    }
  }

  private static void saturate(Cpu cpu, int hw1, int hw2) {
    boolean unsigned = (hw1 & 0x80) != 0;
    boolean arithmeticShift = (hw1 & 0x20) != 0;
    int amount = ((hw2 >>> 12) & 7) << 2 | ((hw2 >>> 6) & 3);
    int satImm = hw2 & 0x1F;
    int rn = cpu.r[hw1 & 0xF];
    int d = (hw2 >>> 8) & 0xF;
    if (arithmeticShift && amount == 0) {
      if (!cpu.arch.dsp()) {
        throw Thumb32.undefined(cpu, hw1, hw2);
      }
      cpu.r[d] = Simd.saturate16(cpu, rn, satImm, unsigned);
      return;
    }
    int operand = arithmeticShift ? rn >> amount : rn << amount;
    cpu.r[d] = unsigned ? Alu.unsignedSaturate(cpu, operand, satImm)
        : Alu.signedSaturate(cpu, operand, satImm + 1);
  }

  private static void bitFieldExtract(Cpu cpu, int hw1, int hw2, boolean signed) {
    int lsb = ((hw2 >>> 12) & 7) << 2 | ((hw2 >>> 6) & 3);
    int width = (hw2 & 0x1F) + 1;
    if (lsb + width > 32) {
      throw Thumb32.undefined(cpu, hw1, hw2);
    }
    int shifted = cpu.r[hw1 & 0xF] << (32 - lsb - width);
    cpu.r[(hw2 >>> 8) & 0xF] = signed ? shifted >> (32 - width) : shifted >>> (32 - width);
  }

  private static void bitFieldInsert(Cpu cpu, int hw1, int hw2) {
    int lsb = ((hw2 >>> 12) & 7) << 2 | ((hw2 >>> 6) & 3);
    int msb = hw2 & 0x1F;
    if (msb < lsb) {
      throw Thumb32.undefined(cpu, hw1, hw2);
    }
    int n = hw1 & 0xF;
    int d = (hw2 >>> 8) & 0xF;
    int mask = (int) ((1L << (msb + 1)) - 1) & (-1 << lsb);
    int source = n == 15 ? 0 : cpu.r[n] << lsb;
    cpu.r[d] = (cpu.r[d] & ~mask) | (source & mask);
  }
}
