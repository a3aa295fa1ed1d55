package dev.packs.emulator.internal.cpu;

/** Shifts, immediate expansion and saturation shared by the instruction groups. */
final class Alu {
  static final int LSL = 0;
  static final int LSR = 1;
  static final int ASR = 2;
  static final int ROR = 3;
  static final int RRX = 4;

  private Alu() {}

  /** Shift_C: shifts {@code value}; the carry out goes to {@link Cpu#shiftCarry}. */
  static int shift(Cpu cpu, int value, int type, int amount) {
    if (type == RRX) {
      cpu.shiftCarry = (value & 1) != 0;
      return (cpu.c ? 1 << 31 : 0) | (value >>> 1);
    }
    if (amount == 0) {
      cpu.shiftCarry = cpu.c;
      return value;
    }
    switch (type) {
      case LSL:
        if (amount < 32) {
          cpu.shiftCarry = ((value >>> (32 - amount)) & 1) != 0;
          return value << amount;
        }
        cpu.shiftCarry = amount == 32 && (value & 1) != 0;
        return 0;
      case LSR:
        if (amount < 32) {
          cpu.shiftCarry = ((value >>> (amount - 1)) & 1) != 0;
          return value >>> amount;
        }
        cpu.shiftCarry = amount == 32 && value < 0;
        return 0;
      case ASR:
        if (amount < 32) {
          cpu.shiftCarry = ((value >> (amount - 1)) & 1) != 0;
          return value >> amount;
        }
        cpu.shiftCarry = value < 0;
        return value >> 31;
      default:
        int result = Integer.rotateRight(value, amount & 31);
        cpu.shiftCarry = result < 0;
        return result;
    }
  }

  /** Shift without carry out. */
  static int shiftNoCarry(int value, int type, int amount) {
    switch (type) {
      case LSL:
        return amount >= 32 ? 0 : value << amount;
      case LSR:
        return amount >= 32 ? 0 : value >>> amount;
      case ASR:
        return value >> Math.min(amount, 31);
      case ROR:
        return Integer.rotateRight(value, amount);
      default:
        throw new IllegalArgumentException("shift type " + type);
    }
  }

  /** DecodeImmShift: returns the type, turning ROR #0 into RRX. */
  static int immShiftType(int type, int imm5) {
    return type == ROR && imm5 == 0 ? RRX : type;
  }

  /** DecodeImmShift: the amount, where LSR/ASR #0 mean 32. */
  static int immShiftAmount(int type, int imm5) {
    if ((type == LSR || type == ASR) && imm5 == 0) {
      return 32;
    }
    return imm5;
  }

  /** ThumbExpandImm_C: the carry out goes to {@link Cpu#shiftCarry}. */
  static int expandImm(Cpu cpu, int imm12) {
    int imm8 = imm12 & 0xFF;
    if ((imm12 & 0xC00) == 0) {
      cpu.shiftCarry = cpu.c;
      return switch ((imm12 >>> 8) & 3) {
        case 0 -> imm8;
        case 1 -> imm8 << 16 | imm8;
        case 2 -> imm8 << 24 | imm8 << 8;
        default -> imm8 << 24 | imm8 << 16 | imm8 << 8 | imm8;
      };
    }
    int result = Integer.rotateRight(0x80 | (imm12 & 0x7F), imm12 >>> 7);
    cpu.shiftCarry = result < 0;
    return result;
  }

  /** SignedSatQ to {@code bits} bits (1..32); sets Q on saturation. */
  static int signedSaturate(Cpu cpu, long value, int bits) {
    long max = (1L << (bits - 1)) - 1;
    long min = -(1L << (bits - 1));
    if (value > max) {
      cpu.q = true;
      return (int) max;
    }
    if (value < min) {
      cpu.q = true;
      return (int) min;
    }
    return (int) value;
  }

  /** UnsignedSatQ to {@code bits} bits (0..31); sets Q on saturation. */
  static int unsignedSaturate(Cpu cpu, long value, int bits) {
    long max = (1L << bits) - 1;
    if (value > max) {
      cpu.q = true;
      return (int) max;
    }
    if (value < 0) {
      cpu.q = true;
      return 0;
    }
    return (int) value;
  }

  static int signExtend(int value, int bits) {
    int shift = 32 - bits;
    return value << shift >> shift;
  }
}
