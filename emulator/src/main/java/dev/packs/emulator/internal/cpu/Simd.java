package dev.packs.emulator.internal.cpu;

/** The DSP extension's SIMD arithmetic: parallel add/subtract with GE flags, saturation, SEL, USAD8. */
final class Simd {
  private Simd() {}

  /**
   * The parallel add/subtract family: hw1[6:4] picks ADD16/ASX/SAX/SUB16/ADD8/SUB8, hw2[6:4] the
   * flavour (S, Q, SH, U, UQ, UH).
   */
  static int parallel(Cpu cpu, int hw1, int hw2, int rn, int rm) {
    int op = (hw1 >>> 4) & 7;
    int flavour = (hw2 >>> 4) & 7;
    if ((flavour & 3) == 3 || op == 3 || op == 7) {
      throw Thumb32.undefined(cpu, hw1, hw2);
    }
    boolean unsigned = (flavour & 4) != 0;
    int kind = flavour & 3;
    return op == 0 || op == 4 ? bytes(cpu, op == 4, unsigned, kind, rn, rm)
        : halves(cpu, op, unsigned, kind, rn, rm);
  }

  private static int bytes(Cpu cpu, boolean subtract, boolean unsigned, int kind, int rn, int rm) {
    int result = 0;
    int ge = 0;
    for (int i = 0; i < 4; i++) {
      int a = lane8(rn, i, unsigned);
      int b = lane8(rm, i, unsigned);
      int sum = subtract ? a - b : a + b;
      if (subtract ? sum >= 0 : (unsigned ? sum >= 0x100 : sum >= 0)) {
        ge |= 1 << i;
      }
      result |= (finish(sum, kind, unsigned, 8) & 0xFF) << (8 * i);
    }
    if (kind == 0) {
      cpu.ge = ge;
    }
    return result;
  }

  /** Halfword lanes: op 1 ADD16, 2 ASX, 5 SUB16, 6 SAX. */
  private static int halves(Cpu cpu, int op, boolean unsigned, int kind, int rn, int rm) {
    int aLow = lane16(rn, 0, unsigned);
    int aHigh = lane16(rn, 1, unsigned);
    int bLow = lane16(rm, 0, unsigned);
    int bHigh = lane16(rm, 1, unsigned);
    int low;
    int high;
    boolean lowIsAdd;
    boolean highIsAdd;
    switch (op) {
      case 1 -> {
        low = aLow + bLow;
        high = aHigh + bHigh;
        lowIsAdd = true;
        highIsAdd = true;
      }
      case 2 -> {
        low = aLow - bHigh;
        high = aHigh + bLow;
        lowIsAdd = false;
        highIsAdd = true;
      }
      case 6 -> {
        low = aLow + bHigh;
        high = aHigh - bLow;
        lowIsAdd = true;
        highIsAdd = false;
      }
      default -> {
        low = aLow - bLow;
        high = aHigh - bHigh;
        lowIsAdd = false;
        highIsAdd = false;
      }
    }
    if (kind == 0) {
      cpu.ge = (geOf(low, lowIsAdd, unsigned) ? 3 : 0) | (geOf(high, highIsAdd, unsigned) ? 0xC : 0);
    }
    return (finish(low, kind, unsigned, 16) & 0xFFFF) | finish(high, kind, unsigned, 16) << 16;
  }

  private static boolean geOf(int value, boolean add, boolean unsigned) {
    return add && unsigned ? value >= 0x10000 : value >= 0;
  }

  /** kind 0 wraps, 1 saturates, 2 halves. */
  private static int finish(int value, int kind, boolean unsigned, int bits) {
    if (kind == 1) {
      int max = unsigned ? (1 << bits) - 1 : (1 << (bits - 1)) - 1;
      int min = unsigned ? 0 : -(1 << (bits - 1));
      return Math.max(min, Math.min(max, value));
    }
    return kind == 2 ? value >> 1 : value;
  }

  private static int lane8(int value, int i, boolean unsigned) {
    int lane = value >>> (8 * i);
    return unsigned ? lane & 0xFF : (byte) lane;
  }

  private static int lane16(int value, int i, boolean unsigned) {
    int lane = value >>> (16 * i);
    return unsigned ? lane & 0xFFFF : (short) lane;
  }

  /** QADD, QDADD, QSUB, QDSUB (op 0..3) on Rm and Rn. */
  static int saturatingAddSubtract(Cpu cpu, int op, int rn, int rm) {
    long operand = rn;
    if ((op & 1) != 0) {
      operand = Alu.signedSaturate(cpu, 2L * rn, 32);
    }
    long result = (op & 2) == 0 ? (long) rm + operand : (long) rm - operand;
    return Alu.signedSaturate(cpu, result, 32);
  }

  /** SEL: each byte from Rn where its GE bit is set, otherwise from Rm. */
  static int select(Cpu cpu, int rn, int rm) {
    int mask = 0;
    for (int i = 0; i < 4; i++) {
      if ((cpu.ge & (1 << i)) != 0) {
        mask |= 0xFF << (8 * i);
      }
    }
    return (rn & mask) | (rm & ~mask);
  }

  /** SSAT16/USAT16: saturate both halfwords to {@code satImm} (+1 for signed) bits. */
  static int saturate16(Cpu cpu, int rn, int satImm, boolean unsigned) {
    int low = unsigned ? Alu.unsignedSaturate(cpu, (short) rn, satImm)
        : Alu.signedSaturate(cpu, (short) rn, satImm + 1);
    int high = unsigned ? Alu.unsignedSaturate(cpu, rn >> 16, satImm)
        : Alu.signedSaturate(cpu, rn >> 16, satImm + 1);
    return (low & 0xFFFF) | high << 16;
  }

  /** USAD8 / USADA8: sum of absolute byte differences. */
  static int sumOfAbsoluteDifferences(int rn, int rm) {
    int sum = 0;
    for (int i = 0; i < 4; i++) {
      sum += Math.abs(((rn >>> (8 * i)) & 0xFF) - ((rm >>> (8 * i)) & 0xFF));
    }
    return sum;
  }
}
