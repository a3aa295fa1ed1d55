package dev.packs.emulator.internal.cpu;

/** The 16-bit "miscellaneous" group (1011 xxxx): SP adjust, CBZ, extends, PUSH/POP, REV, CPS, BKPT, IT, hints. */
final class Thumb16Misc {
  private Thumb16Misc() {}

  static void execute(Cpu cpu, int hw) {
    switch ((hw >>> 8) & 0xF) {
      case 0x0 -> {
        int imm = (hw & 0x7F) << 2;
        cpu.r[13] += (hw & 0x80) != 0 ? -imm : imm;
      }
      case 0x1, 0x3, 0x9, 0xB -> compareAndBranch(cpu, hw);
      case 0x2 -> extend(cpu, hw);
      case 0x4, 0x5 -> push(cpu, hw);
      case 0x6 -> changeProcessorState(cpu, hw);
      case 0xA -> reverse(cpu, hw);
      case 0xC, 0xD -> pop(cpu, hw);
      case 0xE -> throw cpu.breakpoint();
      case 0xF -> ifThenOrHint(cpu, hw);
      default -> throw cpu.undefined(hw, false);
    }
  }

  private static void compareAndBranch(Cpu cpu, int hw) {
    if (!cpu.arch.baselineExtras()) {
      throw cpu.undefined(hw, false);
    }
    boolean nonZero = (hw & 0x0800) != 0;
    if ((cpu.r[hw & 7] != 0) == nonZero) {
      int offset = ((hw >>> 2) & 0x3E) | ((hw >>> 3) & 0x40);
      cpu.branch(cpu.r[15] + offset);
    }
  }

  private static void extend(Cpu cpu, int hw) {
    int m = cpu.r[(hw >>> 3) & 7];
    cpu.r[hw & 7] = switch ((hw >>> 6) & 3) {
      case 0 -> (short) m;
      case 1 -> (byte) m;
      case 2 -> m & 0xFFFF;
      default -> m & 0xFF;
    };
  }

  private static void push(Cpu cpu, int hw) {
    int list = (hw & 0xFF) | ((hw & 0x100) << 6);
    if (list == 0) {
      throw cpu.undefined(hw, false);
    }
    int address = cpu.r[13] - 4 * Integer.bitCount(list);
    int sp = address;
    for (int i = 0; i < 15; i++) {
      if ((list & (1 << i)) != 0) {
        cpu.write32Aligned(address, cpu.r[i]);
        address += 4;
      }
    }
    cpu.r[13] = sp;
  }

  private static void pop(Cpu cpu, int hw) {
    int list = (hw & 0xFF) | ((hw & 0x100) << 7);
    if (list == 0) {
      throw cpu.undefined(hw, false);
    }
    int address = cpu.r[13];
    if ((address & 3) != 0) {
      throw cpu.unaligned(address, 4);
    }
    for (int i = 0; i < 8; i++) {
      if ((list & (1 << i)) != 0) {
        cpu.r[i] = cpu.read32Aligned(address);
        address += 4;
      }
    }
    int target = (list & 0x8000) != 0 ? cpu.read32Aligned(address) : 0;
    cpu.r[13] = (list & 0x8000) != 0 ? address + 4 : address;
    if ((list & 0x8000) != 0) {
      cpu.interworkingBranch(target);
    }
  }

  private static void changeProcessorState(Cpu cpu, int hw) {
    if ((hw & 0xFFEC) != 0xB660) {
      throw cpu.undefined(hw, false);
    }
    int value = (hw & 0x10) != 0 ? 1 : 0;
    if ((hw & 2) != 0) {
      cpu.primask = value;
    }
    if ((hw & 1) != 0 && cpu.arch.thumb2()) {
      cpu.faultmask = value;
    }
  }

  private static void reverse(Cpu cpu, int hw) {
    int m = cpu.r[(hw >>> 3) & 7];
    int d = hw & 7;
    switch ((hw >>> 6) & 3) {
      case 0 -> cpu.r[d] = Integer.reverseBytes(m);
      case 1 -> cpu.r[d] = ((m >>> 8) & 0x00FF00FF) | ((m << 8) & 0xFF00FF00);
      case 3 -> cpu.r[d] = (short) (((m & 0xFF) << 8) | ((m >>> 8) & 0xFF));
      default -> throw cpu.undefined(hw, false);
    }
  }

  private static void ifThenOrHint(Cpu cpu, int hw) {
    if ((hw & 0xF) != 0) {
      if (!cpu.arch.thumb2()) {
        throw cpu.undefined(hw, false);
      }
      cpu.it = hw & 0xFF;
      return;
    }
    // NOP, YIELD, WFE, WFI, SEV and the unallocated hints: nothing waits, so all complete at once.
  }
}
