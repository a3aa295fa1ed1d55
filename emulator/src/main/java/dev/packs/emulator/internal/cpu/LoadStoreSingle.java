package dev.packs.emulator.internal.cpu;

/** 32-bit LDR/STR of bytes, halfwords and words in every addressing mode, plus PLD/PLI as no-ops. */
final class LoadStoreSingle {
  private LoadStoreSingle() {}

  static void store(Cpu cpu, int hw1, int hw2) {
    int size = (hw1 >>> 5) & 3;
    int n = hw1 & 0xF;
    if (size == 3 || n == 15) {
      throw Thumb32.undefined(cpu, hw1, hw2);
    }
    int address = address(cpu, hw1, hw2, n);
    int value = cpu.r[(hw2 >>> 12) & 0xF];
    switch (size) {
      case 0 -> cpu.write8(address, value);
      case 1 -> cpu.write16(address, value);
      default -> cpu.write32(address, value);
    }
  }

  static void load(Cpu cpu, int hw1, int hw2) {
    int size = (hw1 >>> 5) & 3;
    boolean signed = (hw1 & 0x100) != 0;
    int n = hw1 & 0xF;
    int t = (hw2 >>> 12) & 0xF;
    if (signed && size == 2) {
      throw Thumb32.undefined(cpu, hw1, hw2);
    }
    int address = n == 15 ? literalAddress(cpu, hw1, hw2) : address(cpu, hw1, hw2, n);
    if (t == 15 && size != 2) {
      return; // PLD, PLI: preload hints only.
    }
    int value = switch (size) {
      case 0 -> signed ? (byte) cpu.read8(address) : cpu.read8(address);
      case 1 -> signed ? (short) cpu.read16(address) : cpu.read16(address);
      default -> cpu.read32(address);
    };
    if (t == 15) {
      if ((address & 3) != 0) {
        throw cpu.unaligned(address, 4);
      }
      cpu.interworkingBranch(value);
    } else {
      cpu.r[t] = value;
    }
  }

  private static int literalAddress(Cpu cpu, int hw1, int hw2) {
    int base = cpu.r[15] & ~3;
    int imm12 = hw2 & 0xFFF;
    return (hw1 & 0x80) != 0 ? base + imm12 : base - imm12;
  }

  /** Computes the address and performs any base write-back (immediate 12, immediate 8, register). */
  private static int address(Cpu cpu, int hw1, int hw2, int n) {
    int base = cpu.r[n];
    if ((hw1 & 0x80) != 0) {
      return base + (hw2 & 0xFFF);
    }
    if ((hw2 & 0x800) != 0) {
      boolean index = (hw2 & 0x400) != 0;
      boolean add = (hw2 & 0x200) != 0;
      boolean writeBack = (hw2 & 0x100) != 0;
      if (!index && !writeBack) {
        throw Thumb32.undefined(cpu, hw1, hw2);
      }
      int imm8 = hw2 & 0xFF;
      int offsetAddress = add ? base + imm8 : base - imm8;
      if (writeBack) {
        cpu.r[n] = offsetAddress;
      }
      return index ? offsetAddress : base;
    }
    if ((hw2 & 0xFC0) != 0) {
      throw Thumb32.undefined(cpu, hw1, hw2);
    }
    return base + (cpu.r[hw2 & 0xF] << ((hw2 >>> 4) & 3));
  }
}
