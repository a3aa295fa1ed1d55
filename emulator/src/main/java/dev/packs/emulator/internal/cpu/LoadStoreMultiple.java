package dev.packs.emulator.internal.cpu;

/** LDM/STM (with PUSH.W/POP.W), LDRD/STRD, the exclusives, acquire/release, and TBB/TBH. */
final class LoadStoreMultiple {
  private LoadStoreMultiple() {}

  static void multiple(Cpu cpu, int hw1, int hw2) {
    int mode = (hw1 >>> 7) & 3;
    boolean load = (hw1 & 0x10) != 0;
    boolean writeBack = (hw1 & 0x20) != 0;
    int n = hw1 & 0xF;
    int list = hw2 & (load ? 0xDFFF : 0x5FFF);
    if ((mode != 1 && mode != 2) || n == 15 || Integer.bitCount(list) < 1 || list != hw2) {
      throw Thumb32.undefined(cpu, hw1, hw2);
    }
    int base = cpu.r[n];
    int size = 4 * Integer.bitCount(list);
    int address = mode == 1 ? base : base - size;
    int after = mode == 1 ? base + size : base - size;
    if ((address & 3) != 0) {
      throw cpu.unaligned(address, 4);
    }
    if (load) {
      int target = 0;
      for (int i = 0; i < 16; i++) {
        if ((list & (1 << i)) != 0) {
          int value = cpu.read32Aligned(address);
          if (i == 15) {
            target = value;
          } else {
            cpu.r[i] = value;
          }
          address += 4;
        }
      }
      if (writeBack && (list & (1 << n)) == 0) {
        cpu.r[n] = after;
      }
      if ((list & 0x8000) != 0) {
        cpu.interworkingBranch(target);
      }
    } else {
      for (int i = 0; i < 15; i++) {
        if ((list & (1 << i)) != 0) {
          cpu.write32Aligned(address, cpu.r[i]);
          address += 4;
        }
      }
      if (writeBack) {
        cpu.r[n] = after;
      }
    }
  }

  static void dualExclusiveTable(Cpu cpu, int hw1, int hw2) {
    int op1 = (hw1 >>> 7) & 3;
    int op2 = (hw1 >>> 4) & 3;
    if (op1 == 0 && op2 == 0) {
      storeExclusive(cpu, hw1, hw2, 4, cpu.r[hw1 & 0xF] + ((hw2 & 0xFF) << 2), (hw2 >>> 8) & 0xF);
    } else if (op1 == 0 && op2 == 1) {
      loadExclusive(cpu, cpu.r[hw1 & 0xF] + ((hw2 & 0xFF) << 2), 4, (hw2 >>> 12) & 0xF);
    } else if ((op1 & 2) != 0 || (op2 & 2) != 0) {
      dual(cpu, hw1, hw2);
    } else if (op2 == 0) {
      storeByteHalfOrRelease(cpu, hw1, hw2);
    } else {
      tableOrLoadByteHalfOrAcquire(cpu, hw1, hw2);
    }
  }

  private static void dual(Cpu cpu, int hw1, int hw2) {
    boolean index = (hw1 & 0x100) != 0;
    boolean add = (hw1 & 0x80) != 0;
    boolean writeBack = (hw1 & 0x20) != 0;
    boolean load = (hw1 & 0x10) != 0;
    int n = hw1 & 0xF;
    int t = (hw2 >>> 12) & 0xF;
    int t2 = (hw2 >>> 8) & 0xF;
    int offset = (hw2 & 0xFF) << 2;
    int base = n == 15 ? cpu.r[15] & ~3 : cpu.r[n];
    int offsetAddress = add ? base + offset : base - offset;
    int address = index ? offsetAddress : base;
    if (load) {
      int first = cpu.read32Aligned(address);
      int second = cpu.read32Aligned(address + 4);
      cpu.r[t] = first;
      cpu.r[t2] = second;
    } else {
      cpu.write32Aligned(address, cpu.r[t]);
      cpu.write32Aligned(address + 4, cpu.r[t2]);
    }
    if (writeBack) {
      cpu.r[n] = offsetAddress;
    }
  }

  private static void loadExclusive(Cpu cpu, int address, int size, int t) {
    cpu.r[t] = switch (size) {
      case 1 -> cpu.read8(address);
      case 2 -> readHalfAligned(cpu, address);
      default -> cpu.read32Aligned(address);
    };
    cpu.exclusive = true;
    cpu.exclusiveAddress = address;
  }

  private static void storeExclusive(Cpu cpu, int hw1, int hw2, int size, int address, int d) {
    int t = (hw2 >>> 12) & 0xF;
    if (d == 15 || t == 15) {
      throw Thumb32.undefined(cpu, hw1, hw2);
    }
    if ((address & (size - 1)) != 0) {
      throw cpu.unaligned(address, size);
    }
    boolean pass = cpu.exclusive && cpu.exclusiveAddress == address;
    cpu.exclusive = false;
    if (pass) {
      store(cpu, address, size, cpu.r[t]);
    }
    cpu.r[d] = pass ? 0 : 1;
  }

  private static void storeByteHalfOrRelease(Cpu cpu, int hw1, int hw2) {
    int op3 = (hw2 >>> 4) & 0xF;
    int address = cpu.r[hw1 & 0xF];
    int size = 1 << (op3 & 3);
    if (op3 == 4 || op3 == 5) {
      storeExclusive(cpu, hw1, hw2, size, address, hw2 & 0xF);
    } else if (cpu.arch.v8() && op3 >= 8 && op3 != 0xB && op3 != 0xF) {
      if (op3 >= 0xC) {
        storeExclusive(cpu, hw1, hw2, size, address, hw2 & 0xF);
      } else {
        if ((address & (size - 1)) != 0) {
          throw cpu.unaligned(address, size);
        }
        store(cpu, address, size, cpu.r[(hw2 >>> 12) & 0xF]);
      }
    } else {
      throw Thumb32.undefined(cpu, hw1, hw2);
    }
  }

  private static void tableOrLoadByteHalfOrAcquire(Cpu cpu, int hw1, int hw2) {
    int op3 = (hw2 >>> 4) & 0xF;
    int n = hw1 & 0xF;
    int base = cpu.r[n];
    int t = (hw2 >>> 12) & 0xF;
    int size = 1 << (op3 & 3);
    if (op3 == 0 || op3 == 1) {
      int m = cpu.r[hw2 & 0xF];
      int entry = op3 == 0 ? cpu.read8(base + m) : readHalfAligned(cpu, base + (m << 1));
      cpu.branch(cpu.r[15] + 2 * entry);
    } else if (op3 == 4 || op3 == 5) {
      loadExclusive(cpu, base, size, t);
    } else if (cpu.arch.v8() && op3 >= 8 && op3 != 0xB && op3 != 0xF) {
      if (op3 >= 0xC) {
        loadExclusive(cpu, base, size, t);
      } else {
        cpu.r[t] = switch (size) {
          case 1 -> cpu.read8(base);
          case 2 -> readHalfAligned(cpu, base);
          default -> cpu.read32Aligned(base);
        };
      }
    } else {
      throw Thumb32.undefined(cpu, hw1, hw2);
    }
  }

  private static int readHalfAligned(Cpu cpu, int address) {
    if ((address & 1) != 0) {
      throw cpu.unaligned(address, 2);
    }
    return cpu.read16(address);
  }

  private static void store(Cpu cpu, int address, int size, int value) {
    switch (size) {
      case 1 -> cpu.write8(address, value);
      case 2 -> cpu.write16(address, value);
      default -> cpu.write32Aligned(address, value);
    }
  }
}
