package dev.packs.emulator.internal.cpu;

import dev.packs.emulator.internal.bus.MemoryBus;
import java.time.Duration;
import java.util.Arrays;

/**
 * Instructions per second of the interpreter on a mixed loop (asm/mixed_loop.s), and of Unicorn
 * on the same bytes, in one run. Run with {@code bench/cpu.sh}; prints figures, asserts nothing.
 */
public final class CpuBenchmark {
  private static final int CODE = 0x0800_0000;
  private static final int RAM = 0x2000_0000;


  private CpuBenchmark() {}

  public static void main(String[] args) {
    int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    byte[] code = Fixtures.program("mixed_loop");
    System.out.printf("mixed loop: %d iterations of 12 instructions (ALU, LDR/STR/LDRB/STRH, BNE), %d rounds%n",
        iterations, rounds);
    for (Architecture arch : new Architecture[] {Architecture.ARMV6M, Architecture.ARMV7EM}) {
      double ramBus = measure(arch, code, iterations, rounds, false);
      double memoryBus = measure(arch, code, iterations, rounds, true);
      if (Unicorn.available()) {
        double unicorn = unicorn(arch, code, iterations, 12L * iterations + 2);
        System.out.printf("unicorn     %-8s same loop: %.1f MIPS (wall clock, best of 3); interpreter/unicorn ="
            + " %.2f on RamBus, %.2f on MemoryBus (wall-clock medians)%n", arch, unicorn, ramBus / unicorn,
            memoryBus / unicorn);
      } else {
        System.out.println("unicorn: " + Unicorn.unavailableReason());
      }
    }
  }

  /** Prints the figures and returns the wall-clock median in MIPS. */
  private static double measure(Architecture arch, byte[] code, int iterations, int rounds, boolean memoryBus) {
    {
      double[] mips = new double[rounds];
      double[] cpuMips = new double[rounds];
      long instructions = 0;
      for (int warm = 0; warm < 3; warm++) {
        interpret(arch, code, iterations / 5, memoryBus);
      }
      for (int i = 0; i < rounds; i++) {
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        instructions = interpret(arch, code, iterations, memoryBus);
        mips[i] = instructions / ((System.nanoTime() - start) / 1e3);
        cpuMips[i] = instructions / ((processCpuNanos() - cpuStart) / 1e3);
      }
      Arrays.sort(mips);
      Arrays.sort(cpuMips);
      System.out.printf("interpreter %-8s on %-9s %,d instructions per round: median %.1f MIPS, best %.1f MIPS"
          + " (wall clock); per CPU-second of the process (JIT and GC threads included): median %.1f, best %.1f%n",
          arch, memoryBus ? "MemoryBus" : "RamBus", instructions, mips[rounds / 2], mips[rounds - 1],
          cpuMips[rounds / 2], cpuMips[rounds - 1]);
      return mips[rounds / 2];
    }
  }

  private static long processCpuNanos() {
    return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO).toNanos();
  }

  /** Code in flash-like memory and data in RAM on the test bus, or both in RAM (as a placed FLM) on the real one. */
  private static long interpret(Architecture arch, byte[] code, int iterations, boolean memoryBus) {
    Bus bus;
    int codeBase = CODE;
    if (memoryBus) {
      codeBase = RAM + 0x800;
      MemoryBus real = MemoryBus.builder().ram(RAM, 0x1000).build();
      for (int i = 0; i < code.length; i++) {
        real.write(codeBase + i, 1, code[i]);
      }
      bus = real;
    } else {
      RamBus ram = new RamBus().map(CODE, 0x1000, false).map(RAM, 0x1000, true);
      ram.load(CODE, code);
      bus = ram;
    }
    Cpu cpu = new Cpu(bus, arch);
    cpu.setReg(0, iterations);
    cpu.setReg(1, RAM);
    cpu.setReg(13, RAM + 0x1000);
    cpu.setReg(15, codeBase);
    Stop stop = cpu.run(Long.MAX_VALUE);
    if (stop.kind() != Stop.Kind.BREAKPOINT) {
      throw new IllegalStateException("benchmark loop stopped with " + stop);
    }
    return stop.instructions();
  }

  private static double unicorn(Architecture arch, byte[] code, int iterations, long instructions) {
    double best = 0;
    try (Unicorn unicorn = new Unicorn(arch)) {
      unicorn.map(CODE, 0x1000);
      unicorn.map(RAM, 0x1000);
      unicorn.write(CODE, code);
      for (int round = 0; round < 3; round++) {
        unicorn.setReg(Unicorn.REG_R0, iterations);
        unicorn.setReg(Unicorn.REG_R0 + 1, RAM);
        long start = System.nanoTime();
        int result = unicorn.run(CODE, CODE + code.length - 2, 0);
        double mips = instructions / ((System.nanoTime() - start) / 1e3);
        if (result != 0) {
          throw new IllegalStateException("unicorn stopped with " + unicorn.describe(result));
        }
        best = Math.max(best, mips);
      }
    }
    return best;
  }
}
