package dev.packs.emulator.internal.cpu;

/**
 * The CPU's inner loop. The most frequent 16-bit Thumb instructions outside IT blocks run here, in
 * one flat switch on the top five bits inside the loop, so the JIT compiles loop and dispatch as
 * one method: shifts by immediate, add and subtract, MOVS/CMP/ADDS/SUBS with imm8, the logical
 * data-processing group, loads and stores with immediate or register offsets, LDR literal, ADR,
 * B and B&lt;cond&gt;. They make up most of what a flash algorithm runs. Anything else goes
 * through {@link Cpu#step()} and the general decoders, with the same semantics; the Unicorn
 * differential tests run both.
 */
final class FastPath {
  private FastPath() {}

  /**
   * Runs up to {@code batch} instructions and returns how many completed; when one stops the CPU
   * (BKPT, a fault), the count so far is left in {@link Cpu#stoppedAfter} and the stop rethrown.
   */
  static int run(Cpu cpu, int batch) {
    int[] r = cpu.r;
    int done = 0;
    try {
      while (done < batch) {
        int pc = cpu.pc;
        if (cpu.it != 0) {
          cpu.step();
          done++;
          continue;
        }
        int hw = cpu.fetch(pc);
        int next = pc + 2;
        switch (hw >>> 11) {
          case 0x00 -> {
            int imm = (hw >>> 6) & 0x1F;
            int value = r[(hw >>> 3) & 7];
            int result = value << imm;
            if (imm != 0) {
              cpu.c = ((value >>> (32 - imm)) & 1) != 0;
            }
            r[hw & 7] = result;
            cpu.n = result < 0;
            cpu.z = result == 0;
          }
          case 0x01 -> {
            int imm = (hw >>> 6) & 0x1F;
            int value = r[(hw >>> 3) & 7];
            int result = imm == 0 ? 0 : value >>> imm;
            cpu.c = ((value >>> ((imm - 1) & 31)) & 1) != 0;
            r[hw & 7] = result;
            cpu.n = result < 0;
            cpu.z = result == 0;
          }
          case 0x02 -> {
            int imm = (hw >>> 6) & 0x1F;
            int value = r[(hw >>> 3) & 7];
            int result = value >> (imm == 0 ? 31 : imm);
            cpu.c = ((value >> ((imm - 1) & 31)) & 1) != 0;
            r[hw & 7] = result;
            cpu.n = result < 0;
            cpu.z = result == 0;
          }
          case 0x03 -> {
            int x = r[(hw >>> 3) & 7];
            int y = (hw & 0x0400) != 0 ? (hw >>> 6) & 7 : r[(hw >>> 6) & 7];
            r[hw & 7] = (hw & 0x0200) != 0 ? sub(cpu, x, y) : add(cpu, x, y);
          }
          case 0x04 -> {
            int imm = hw & 0xFF;
            r[(hw >>> 8) & 7] = imm;
            cpu.n = false;
            cpu.z = imm == 0;
          }
          case 0x05 -> sub(cpu, r[(hw >>> 8) & 7], hw & 0xFF);
          case 0x06 -> r[(hw >>> 8) & 7] = add(cpu, r[(hw >>> 8) & 7], hw & 0xFF);
          case 0x07 -> r[(hw >>> 8) & 7] = sub(cpu, r[(hw >>> 8) & 7], hw & 0xFF);
          case 0x08 -> {
            if ((hw & 0x0400) != 0 || !dataProcessing(cpu, r, hw)) {
              next = 1;
            }
          }
          case 0x09 -> r[(hw >>> 8) & 7] = cpu.read32(((pc + 4) & ~3) + ((hw & 0xFF) << 2));
          case 0x0A, 0x0B -> registerOffset(cpu, r, hw);
          case 0x0C -> cpu.write32(r[(hw >>> 3) & 7] + (((hw >>> 6) & 0x1F) << 2), r[hw & 7]);
          case 0x0D -> r[hw & 7] = cpu.read32(r[(hw >>> 3) & 7] + (((hw >>> 6) & 0x1F) << 2));
          case 0x0E -> cpu.write8(r[(hw >>> 3) & 7] + ((hw >>> 6) & 0x1F), r[hw & 7]);
          case 0x0F -> r[hw & 7] = cpu.read8(r[(hw >>> 3) & 7] + ((hw >>> 6) & 0x1F));
          case 0x10 -> cpu.write16(r[(hw >>> 3) & 7] + (((hw >>> 6) & 0x1F) << 1), r[hw & 7]);
          case 0x11 -> r[hw & 7] = cpu.read16(r[(hw >>> 3) & 7] + (((hw >>> 6) & 0x1F) << 1));
          case 0x12 -> cpu.write32(r[13] + ((hw & 0xFF) << 2), r[(hw >>> 8) & 7]);
          case 0x13 -> r[(hw >>> 8) & 7] = cpu.read32(r[13] + ((hw & 0xFF) << 2));
          case 0x14 -> r[(hw >>> 8) & 7] = ((pc + 4) & ~3) + ((hw & 0xFF) << 2);
          case 0x15 -> r[(hw >>> 8) & 7] = r[13] + ((hw & 0xFF) << 2);
          case 0x1A, 0x1B -> {
            int cond = (hw >>> 8) & 0xF;
            if (cond >= 0xE) {
              next = 1;
            } else if (cpu.conditionPassed(cond)) {
              next = pc + 4 + ((hw << 24) >> 23);
            }
          }
          case 0x1C -> next = pc + 4 + ((hw << 21) >> 20);
          default -> next = 1;
        }
        // An odd next PC means the instruction was not handled here and nothing changed.
        if ((next & 1) != 0) {
          cpu.step();
        } else {
          cpu.pc = next;
        }
        done++;
      }
    } catch (CpuStop stop) {
      cpu.stoppedAfter = done;
      throw stop;
    }
    return done;
  }

  private static void registerOffset(Cpu cpu, int[] r, int hw) {
    int t = hw & 7;
    int address = r[(hw >>> 3) & 7] + r[(hw >>> 6) & 7];
    switch ((hw >>> 9) & 7) {
      case 0 -> cpu.write32(address, r[t]);
      case 1 -> cpu.write16(address, r[t]);
      case 2 -> cpu.write8(address, r[t]);
      case 3 -> r[t] = (byte) cpu.read8(address);
      case 4 -> r[t] = cpu.read32(address);
      case 5 -> r[t] = cpu.read16(address);
      case 6 -> r[t] = cpu.read8(address);
      default -> r[t] = (short) cpu.read16(address);
    }
  }

  /** The data-processing group without shifts by register, ADC and SBC; false: not handled. */
  private static boolean dataProcessing(Cpu cpu, int[] r, int hw) {
    int d = hw & 7;
    int rd = r[d];
    int rm = r[(hw >>> 3) & 7];
    int result;
    switch ((hw >>> 6) & 0xF) {
      case 0x0 -> r[d] = result = rd & rm;
      case 0x1 -> r[d] = result = rd ^ rm;
      case 0x8 -> result = rd & rm;
      case 0x9 -> {
        r[d] = sub(cpu, 0, rm);
        return true;
      }
      case 0xA -> {
        sub(cpu, rd, rm);
        return true;
      }
      case 0xB -> {
        add(cpu, rd, rm);
        return true;
      }
      case 0xC -> r[d] = result = rd | rm;
      case 0xD -> r[d] = result = rd * rm;
      case 0xE -> r[d] = result = rd & ~rm;
      case 0xF -> r[d] = result = ~rm;
      default -> {
        return false;
      }
    }
    cpu.n = result < 0;
    cpu.z = result == 0;
    return true;
  }

  private static int add(Cpu cpu, int x, int y) {
    int result = x + y;
    cpu.n = result < 0;
    cpu.z = result == 0;
    cpu.c = Integer.compareUnsigned(result, x) < 0;
    cpu.v = ((x ^ result) & (y ^ result)) < 0;
    return result;
  }

  private static int sub(Cpu cpu, int x, int y) {
    int result = x - y;
    cpu.n = result < 0;
    cpu.z = result == 0;
    cpu.c = Integer.compareUnsigned(x, y) >= 0;
    cpu.v = ((x ^ y) & (x ^ result)) < 0;
    return result;
  }
}
