package dev.packs.emulator.internal.cpu;

/** Multiply, multiply-accumulate (with the DSP halfword and dual forms), long multiply and divide. */
final class Multiply {
  private Multiply() {}

  static void multiplyAccumulate(Cpu cpu, int hw1, int hw2) {
    int op1 = (hw1 >>> 4) & 7;
    int op2 = (hw2 >>> 4) & 3;
    int rn = cpu.r[hw1 & 0xF];
    int rm = cpu.r[hw2 & 0xF];
    int a = (hw2 >>> 12) & 0xF;
    int d = (hw2 >>> 8) & 0xF;
    boolean accumulate = a != 15;
    int ra = accumulate ? cpu.r[a] : 0;
    if (op1 == 0 && op2 < 2) {
      cpu.r[d] = op2 == 0 ? ra + rn * rm : cpu.r[a] - rn * rm;
      return;
    }
    if (!cpu.arch.dsp() || (hw2 & 0xC0) != 0) {
      throw Thumb32.undefined(cpu, hw1, hw2);
    }
    long product = switch (op1) {
      case 1 -> (long) half(rn, (hw2 & 0x20) != 0) * half(rm, (hw2 & 0x10) != 0);
      case 2, 4 -> dual(rn, rm, (hw2 & 0x10) != 0, op1 == 4);
      case 3 -> ((long) rn * half(rm, (hw2 & 0x10) != 0)) >> 16;
      case 5, 6 -> mostSignificant(cpu, hw1, hw2, rn, rm, ra, op1 == 6, accumulate);
      default -> {
        if (op2 != 0) {
          throw Thumb32.undefined(cpu, hw1, hw2);
        }
        yield Simd.sumOfAbsoluteDifferences(rn, rm);
      }
    };
    if (op1 == 5 || op1 == 6 || op1 == 7) {
      cpu.r[d] = op1 == 7 ? (int) product + ra : (int) product;
      return;
    }
    long result = product + ra;
    if (result != (int) result) {
      cpu.q = true;
    }
    cpu.r[d] = (int) result;
  }

  private static int half(int value, boolean top) {
    return top ? value >> 16 : (short) value;
  }

  private static long dual(int rn, int rm, boolean exchange, boolean subtract) {
    int m = exchange ? Integer.rotateRight(rm, 16) : rm;
    long low = (long) (short) rn * (short) m;
    long high = (long) (rn >> 16) * (m >> 16);
    return subtract ? low - high : low + high;
  }

  /** SMMUL/SMMLA/SMMLS: the top 32 bits of a 64-bit product, optionally rounded. */
  private static long mostSignificant(Cpu cpu, int hw1, int hw2, int rn, int rm, int ra,
      boolean subtract, boolean accumulate) {
    if (subtract && !accumulate) {
      throw Thumb32.undefined(cpu, hw1, hw2);
    }
    long value = ((long) ra << 32) + (subtract ? -((long) rn * rm) : (long) rn * rm);
    if ((hw2 & 0x10) != 0) {
      value += 0x8000_0000L;
    }
    return value >> 32;
  }

  static void longMultiplyDivide(Cpu cpu, int hw1, int hw2) {
    int op1 = (hw1 >>> 4) & 7;
    int op2 = (hw2 >>> 4) & 0xF;
    int rn = cpu.r[hw1 & 0xF];
    int rm = cpu.r[hw2 & 0xF];
    int lo = (hw2 >>> 12) & 0xF;
    int hi = (hw2 >>> 8) & 0xF;
    if ((op1 == 1 || op1 == 3) && op2 == 0xF) {
      if (rm == 0 && cpu.divideByZeroFaults) {
        throw cpu.fault(Fault.Kind.DIVIDE_BY_ZERO, java.util.OptionalInt.empty(),
            (op1 == 1 ? "SDIV" : "UDIV") + " by zero with CCR.DIV_0_TRP set");
      }
      cpu.r[hi] = rm == 0 ? 0 : op1 == 3 ? Integer.divideUnsigned(rn, rm)
          : rn == Integer.MIN_VALUE && rm == -1 ? rn : rn / rm;
      return;
    }
    long accumulator = (long) cpu.r[hi] << 32 | (cpu.r[lo] & 0xFFFF_FFFFL);
    long result = switch (op1 << 4 | op2) {
      case 0x00 -> (long) rn * rm;
      case 0x20 -> (rn & 0xFFFF_FFFFL) * (rm & 0xFFFF_FFFFL);
      case 0x40 -> accumulator + (long) rn * rm;
      case 0x60 -> accumulator + (rn & 0xFFFF_FFFFL) * (rm & 0xFFFF_FFFFL);
      default -> dspLong(cpu, hw1, hw2, op1, op2, rn, rm, accumulator);
    };
    cpu.r[lo] = (int) result;
    cpu.r[hi] = (int) (result >>> 32);
  }

  private static long dspLong(Cpu cpu, int hw1, int hw2, int op1, int op2, int rn, int rm, long acc) {
    if (!cpu.arch.dsp()) {
      throw Thumb32.undefined(cpu, hw1, hw2);
    }
    if (op1 == 4 && (op2 & 0xC) == 8) {
      return acc + (long) half(rn, (op2 & 2) != 0) * half(rm, (op2 & 1) != 0);
    }
    if ((op1 == 4 || op1 == 5) && (op2 & 0xE) == 0xC) {
      return acc + dual(rn, rm, (op2 & 1) != 0, op1 == 5);
    }
    if (op1 == 6 && op2 == 6) {
      int lo = cpu.r[(hw2 >>> 12) & 0xF];
      int hi = cpu.r[(hw2 >>> 8) & 0xF];
      return (rn & 0xFFFF_FFFFL) * (rm & 0xFFFF_FFFFL) + (lo & 0xFFFF_FFFFL) + (hi & 0xFFFF_FFFFL);
    }
    throw Thumb32.undefined(cpu, hw1, hw2);
  }
}
