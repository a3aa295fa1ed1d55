package dev.packs.emulator;

import java.util.Locale;

/**
 * Benchmark, not a test: full erase and program of the 128 KiB STM32G431KB flash through our own
 * algorithms in the emulator, as the flash engine would run them (Init, EraseSector per sector,
 * UnInit, Init, ProgramPage per page, UnInit). Prints wall time and instructions per second for the
 * G4 algorithm on the STM32G4 model and the SFC algorithm (Cortex-M4, -O2) on the SFC model.
 * Run it with {@code bench/emulator-flash.sh}.
 */
public final class FlashBenchmark {
  private static final long FLASH = 0x0800_0000L;

  private FlashBenchmark() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    bench("STM32G4 model, packs_stm32g4_128k.flm (M4 -Os)",
        "test-algorithms/stm32g4/build/packs_stm32g4_128k.flm", FlashModel.STM32G4, rounds);
    bench("SFC model, sfc_m4_O2.flm", "test-algorithms/build/sfc_m4_O2.flm", FlashModel.SFC,
        rounds);
    bench("SFC model, sfc_m0_O0.flm (slowest build)", "test-algorithms/build/sfc_m0_O0.flm",
        FlashModel.SFC, rounds);
  }

  private static void bench(String label, String flm, FlashModel model, int rounds) {
    long best = Long.MAX_VALUE;
    long first = 0;
    long instructions = 0;
    for (int round = 0; round < rounds; round++) {
      AlgorithmHarness h = new AlgorithmHarness(AlgorithmHarness.repoFile(flm), model,
          Core.CORTEX_M4, 0x8000);
      long started = System.nanoTime();
      eraseAndProgram(h);
      long elapsed = System.nanoTime() - started;
      best = Math.min(best, elapsed);
      first = round == 0 ? elapsed : first;
      instructions = h.instructions;
    }
    System.out.printf(Locale.ROOT,
        "%-44s 128 KiB erase+program: first %6.1f ms, best %6.1f ms of %d; %,d instructions,"
            + " %.1f M instr/s at best%n",
        label, first / 1e6, best / 1e6, rounds, instructions, instructions / (best / 1e9) / 1e6);
  }

  private static void eraseAndProgram(AlgorithmHarness h) {
    int size = (int) h.algorithm.device().size();
    int page = (int) h.algorithm.device().pageSize();
    check(h.init(1), "Init");
    for (long at = FLASH; at < FLASH + size; ) {
      check(h.eraseSector(at), "EraseSector");
      at = h.algorithm.sectorRunAt(at).map(r -> r.size()).orElseThrow() + at;
    }
    check(h.unInit(1), "UnInit");
    check(h.init(2), "Init");
    byte[] data = AlgorithmHarness.pattern(FLASH, page);
    for (long at = FLASH; at < FLASH + size; at += page) {
      check(h.programPage(at, data), "ProgramPage");
    }
    check(h.unInit(2), "UnInit");
  }

  private static void check(int result, String function) {
    if (result != 0) {
      throw new IllegalStateException(function + " returned " + result);
    }
  }
}
