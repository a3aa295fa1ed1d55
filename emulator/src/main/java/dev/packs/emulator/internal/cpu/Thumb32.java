package dev.packs.emulator.internal.cpu;

/**
 * Dispatches 32-bit Thumb-2 encodings (ARMv7-M ARM table A5-9) and executes branches and
 * miscellaneous control. ARMv6-M and ARMv8-M Baseline reach only the subsets they implement.
 */
final class Thumb32 {
  private Thumb32() {}

  static void execute(Cpu cpu, int hw1, int hw2) {
    int op1 = (hw1 >>> 11) & 3;
    if (op1 == 2 && (hw2 & 0x8000) != 0) {
      branchesAndMiscellaneous(cpu, hw1, hw2);
      return;
    }
    if (!cpu.arch.thumb2()) {
      Baseline.execute(cpu, hw1, hw2);
      return;
    }
    int op2 = (hw1 >>> 4) & 0x7F;
    if (op1 == 1) {
      if ((op2 & 0x64) == 0) {
        LoadStoreMultiple.multiple(cpu, hw1, hw2);
      } else if ((op2 & 0x64) == 4) {
        LoadStoreMultiple.dualExclusiveTable(cpu, hw1, hw2);
      } else if ((op2 & 0x60) == 0x20) {
        DataProcessing.shiftedRegister(cpu, hw1, hw2);
      } else {
        throw undefined(cpu, hw1, hw2);
      }
    } else if (op1 == 2) {
      if ((hw1 & 0x0200) == 0) {
        DataProcessing.modifiedImmediate(cpu, hw1, hw2);
      } else {
        DataProcessing.plainImmediate(cpu, hw1, hw2);
      }
    } else {
      if ((op2 & 0x71) == 0) {
        LoadStoreSingle.store(cpu, hw1, hw2);
      } else if ((op2 & 0x67) == 1 || (op2 & 0x67) == 3 || (op2 & 0x67) == 5) {
        LoadStoreSingle.load(cpu, hw1, hw2);
      } else if ((op2 & 0x70) == 0x20) {
        RegisterOperations.execute(cpu, hw1, hw2);
      } else if ((op2 & 0x78) == 0x30) {
        Multiply.multiplyAccumulate(cpu, hw1, hw2);
      } else if ((op2 & 0x78) == 0x38) {
        Multiply.longMultiplyDivide(cpu, hw1, hw2);
      } else {
        throw undefined(cpu, hw1, hw2);
      }
    }
  }

  static CpuStop undefined(Cpu cpu, int hw1, int hw2) {
    return cpu.undefined(hw1 << 16 | hw2, true);
  }

  private static void branchesAndMiscellaneous(Cpu cpu, int hw1, int hw2) {
    int op1 = (hw2 >>> 12) & 7;
    int op = (hw1 >>> 4) & 0x7F;
    if ((op1 & 5) == 5) {
      cpu.r[14] = cpu.next | 1;
      cpu.branch(cpu.r[15] + branchOffset24(hw1, hw2));
    } else if ((op1 & 5) == 1) {
      if (!cpu.arch.baselineExtras()) {
        throw undefined(cpu, hw1, hw2);
      }
      cpu.branch(cpu.r[15] + branchOffset24(hw1, hw2));
    } else if ((op1 & 5) == 0) {
      if ((op & 0x38) != 0x38) {
        if (!cpu.arch.thumb2()) {
          throw undefined(cpu, hw1, hw2);
        }
        if (cpu.conditionPassed((hw1 >>> 6) & 0xF)) {
          cpu.branch(cpu.r[15] + branchOffset20(hw1, hw2));
        }
      } else if ((op & 0x7E) == 0x38) {
        SystemRegisters.msr(cpu, hw1, hw2);
      } else if (op == 0x3A) {
        hint(cpu, hw1, hw2);
      } else if (op == 0x3B) {
        miscellaneousControl(cpu, hw1, hw2);
      } else if ((op & 0x7E) == 0x3E) {
        SystemRegisters.mrs(cpu, hw1, hw2);
      } else {
        throw undefined(cpu, hw1, hw2);
      }
    } else {
      throw undefined(cpu, hw1, hw2);
    }
  }

  private static int branchOffset24(int hw1, int hw2) {
    int s = (hw1 >>> 10) & 1;
    int i1 = ~((hw2 >>> 13) ^ s) & 1;
    int i2 = ~((hw2 >>> 11) ^ s) & 1;
    int offset = s << 24 | i1 << 23 | i2 << 22 | (hw1 & 0x3FF) << 12 | (hw2 & 0x7FF) << 1;
    return Alu.signExtend(offset, 25);
  }

  private static int branchOffset20(int hw1, int hw2) {
    int offset = ((hw1 >>> 10) & 1) << 20 | ((hw2 >>> 11) & 1) << 19 | ((hw2 >>> 13) & 1) << 18
        | (hw1 & 0x3F) << 12 | (hw2 & 0x7FF) << 1;
    return Alu.signExtend(offset, 21);
  }

  private static void hint(Cpu cpu, int hw1, int hw2) {
    if (!cpu.arch.thumb2() || (hw2 & 0x0700) != 0) {
      throw undefined(cpu, hw1, hw2);
    }
    // NOP.W, YIELD.W, WFE.W, WFI.W, SEV.W, DBG: nothing waits, so they complete at once.
  }

  private static void miscellaneousControl(Cpu cpu, int hw1, int hw2) {
    switch ((hw2 >>> 4) & 0xF) {
      case 0x2 -> {
        if (!cpu.arch.baselineExtras()) {
          throw undefined(cpu, hw1, hw2);
        }
        cpu.exclusive = false;
      }
      case 0x4, 0x5, 0x6 -> {
        // DSB, DMB, ISB: the interpreter completes every access in order, so barriers are no-ops.
      }
      default -> throw undefined(cpu, hw1, hw2);
    }
  }
}
