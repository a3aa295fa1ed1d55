package dev.packs.emulator.internal.cpu;

/**
 * 32-bit data processing (register): shifts by register, sign/zero extend (and extend-and-add),
 * the parallel add/subtract family, and the miscellaneous QADD/REV/RBIT/SEL/CLZ group.
 */
final class RegisterOperations {
  private RegisterOperations() {}

  static void execute(Cpu cpu, int hw1, int hw2) {
    int op1 = (hw1 >>> 4) & 0xF;
    int op2 = (hw2 >>> 4) & 0xF;
    if ((hw2 & 0xF000) != 0xF000) {
      throw Thumb32.undefined(cpu, hw1, hw2);
    }
    if ((op1 & 8) == 0 && op2 == 0) {
      shiftByRegister(cpu, hw1, hw2);
    } else if ((op1 & 8) == 0 && (op2 & 8) != 0) {
      extend(cpu, hw1, hw2, op1);
    } else if ((op1 & 8) != 0 && (op2 & 8) == 0) {
      requireDsp(cpu, hw1, hw2);
      int d = (hw2 >>> 8) & 0xF;
      cpu.r[d] = Simd.parallel(cpu, hw1, hw2, cpu.r[hw1 & 0xF], cpu.r[hw2 & 0xF]);
    } else if ((op1 & 0xC) == 8 && (op2 & 0xC) == 8) {
      miscellaneous(cpu, hw1, hw2);
    } else {
      throw Thumb32.undefined(cpu, hw1, hw2);
    }
  }

  private static void requireDsp(Cpu cpu, int hw1, int hw2) {
    if (!cpu.arch.dsp()) {
      throw Thumb32.undefined(cpu, hw1, hw2);
    }
  }

  private static void shiftByRegister(Cpu cpu, int hw1, int hw2) {
    int type = (hw1 >>> 5) & 3;
    int result = Alu.shift(cpu, cpu.r[hw1 & 0xF], type, cpu.r[hw2 & 0xF] & 0xFF);
    cpu.r[(hw2 >>> 8) & 0xF] = result;
    if ((hw1 & 0x10) != 0) {
      cpu.setLogicalFlags(result);
    }
  }

  private static void extend(Cpu cpu, int hw1, int hw2, int op1) {
    int n = hw1 & 0xF;
    if (op1 > 5 || (hw2 & 0x80) == 0) {
      throw Thumb32.undefined(cpu, hw1, hw2);
    }
    if (n != 15 || op1 == 2 || op1 == 3) {
      requireDsp(cpu, hw1, hw2);
    }
    int rotated = Integer.rotateRight(cpu.r[hw2 & 0xF], ((hw2 >>> 4) & 3) << 3);
    int add = n == 15 ? 0 : cpu.r[n];
    int result = switch (op1) {
      case 0 -> add + (short) rotated;
      case 1 -> add + (rotated & 0xFFFF);
      case 2 -> add16(add, (byte) rotated & 0xFFFF, (byte) (rotated >>> 16));
      case 3 -> add16(add, rotated & 0xFF, (rotated >>> 16) & 0xFF);
      case 4 -> add + (byte) rotated;
      default -> add + (rotated & 0xFF);
    };
    cpu.r[(hw2 >>> 8) & 0xF] = result;
  }

  /** Adds {@code low} and {@code high} to the two halfwords of {@code base} independently. */
  private static int add16(int base, int low, int high) {
    return ((base + low) & 0xFFFF) | (((base >>> 16) + high) << 16);
  }

  private static void miscellaneous(Cpu cpu, int hw1, int hw2) {
    int op1 = (hw1 >>> 4) & 3;
    int op2 = (hw2 >>> 4) & 3;
    int rn = cpu.r[hw1 & 0xF];
    int rm = cpu.r[hw2 & 0xF];
    int d = (hw2 >>> 8) & 0xF;
    int result = switch (op1 << 2 | op2) {
      case 0, 1, 2, 3 -> {
        requireDsp(cpu, hw1, hw2);
        yield Simd.saturatingAddSubtract(cpu, op2, rn, rm);
      }
      case 4 -> Integer.reverseBytes(rm);
      case 5 -> ((rm >>> 8) & 0x00FF00FF) | ((rm << 8) & 0xFF00FF00);
      case 6 -> Integer.reverse(rm);
      case 7 -> (short) (((rm & 0xFF) << 8) | ((rm >>> 8) & 0xFF));
      case 8 -> {
        requireDsp(cpu, hw1, hw2);
        yield Simd.select(cpu, rn, rm);
      }
      case 12 -> Integer.numberOfLeadingZeros(rm);
      default -> throw Thumb32.undefined(cpu, hw1, hw2);
    };
    cpu.r[d] = result;
  }
}
