package dev.packs.emulator.internal.cpu;

import dev.packs.emulator.internal.bus.FlashArray;
import dev.packs.emulator.internal.bus.MemoryBus;
import dev.packs.emulator.internal.bus.SectorTable;
import java.util.Arrays;
import java.util.Locale;

/**
 * The CPU benchmark's mixed loop (asm/mixed_loop.s) run through the real memory bus, code in a
 * flash array and data in RAM, beside the test {@link RamBus}: what the bus costs the CPU's hot path.
 * Run with {@code bench/emulator-flash.sh}; prints figures, asserts nothing.
 */
public final class MemoryBusBenchmark {
  private static final int CODE = 0x0800_0000;
  private static final int RAM = 0x2000_0000;

  private MemoryBusBenchmark() {}

  public static void main(String[] args) {
    int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 5_000_000;
    int rounds = 5;
    byte[] code = Fixtures.program("mixed_loop");
    for (boolean real : new boolean[] {false, true, false, true}) {
      double[] mips = new double[rounds];
      for (int i = 0; i < rounds; i++) {
        long start = System.nanoTime();
        long instructions = run(real ? memoryBus(code) : ramBus(code), iterations);
        mips[i] = instructions / ((System.nanoTime() - start) / 1e3);
      }
      Arrays.sort(mips);
      System.out.printf(Locale.ROOT, "mixed loop through %-40s median %6.1f MIPS, best %6.1f MIPS%n",
          real ? "MemoryBus (flash array + RAM + models)" : "RamBus (test bus)", mips[rounds / 2],
          mips[rounds - 1]);
    }
  }

  private static Bus ramBus(byte[] code) {
    RamBus bus = new RamBus().map(CODE, 0x1000, false).map(RAM, 0x1000, true);
    bus.load(CODE, code);
    return bus;
  }

  private static Bus memoryBus(byte[] code) {
    FlashArray flash = new FlashArray(CODE, 0x20000, 0xFF, SectorTable.uniform(0x20000, 0x800));
    flash.load(0, code);
    return MemoryBus.builder().ram(RAM, 0x8000).flash(flash, null).build();
  }

  private static long run(Bus bus, int iterations) {
    Cpu cpu = new Cpu(bus, Architecture.ARMV7EM);
    cpu.setReg(0, iterations);
    cpu.setReg(1, RAM);
    cpu.setReg(13, RAM + 0x1000);
    cpu.setReg(15, CODE);
    Stop stop = cpu.run(Long.MAX_VALUE);
    if (stop.kind() != Stop.Kind.BREAKPOINT) {
      throw new IllegalStateException("benchmark loop stopped with " + stop);
    }
    return stop.instructions();
  }
}
