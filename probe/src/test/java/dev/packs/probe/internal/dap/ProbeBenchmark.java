package dev.packs.probe.internal.dap;

import dev.packs.emulator.Emulator;
import dev.packs.emulator.FlashModel;
import dev.packs.flm.FlashAlgorithm;
import dev.packs.probe.UsbCounters;
import dev.packs.probe.internal.arm.CortexMTarget;
import dev.packs.probe.internal.sim.FaultPlan;
import java.util.Arrays;
import java.util.Locale;

/**
 * Benchmark, not a test: erase, program and verify the 128 KiB STM32G431KB flash through the
 * virtual CMSIS-DAP probe with our own G4 algorithm, driving the calls as the flash engine does
 * (Init, EraseSector per sector, UnInit; Init, ProgramPage per page, UnInit; read back per page).
 * Prints packets per KiB and blocking waits per page against the floor: page data out at
 * 504 bytes a packet, verify data in at 508, and two packets per algorithm call. Run it with
 * {@code bench/probe.sh}.
 */
public final class ProbeBenchmark {
  private static final long FLASH = 0x0800_0000L;
  private static final String G4 = "test-algorithms/stm32g4/build/packs_stm32g4_128k.flm";

  private ProbeBenchmark() {}

  public static void main(String[] args) {
    FlashAlgorithm g4 = AlgorithmCalls.load(G4);
    run("512-byte packets, 8 in flight, atomic commands (the reference firmware)", g4,
        VirtualDapConfig.DEFAULT);
    run("512-byte packets, 8 in flight, no atomic commands", g4,
        VirtualDapConfig.DEFAULT.withCapabilities(DapInfo.CAP_SWD));
    run("512-byte packets, 1 in flight (no pipelining)", g4, VirtualDapConfig.DEFAULT.withPacket(512, 1));
    run("64-byte HID reports, 1 in flight (full-speed CMSIS-DAP v1)", g4, VirtualDapConfig.fullSpeedHid());
  }

  private static void run(String label, FlashAlgorithm g4, VirtualDapConfig config) {
    Emulator chip = AlgorithmCalls.device(g4, FlashModel.STM32G4);
    VirtualDap probe = VirtualDap.over(chip, config, new FaultPlan());
    long started = System.nanoTime();
    try (CortexMTarget target = probe.open()) {
      AlgorithmCalls calls = new AlgorithmCalls(g4, target);
      int size = (int) g4.device().size();
      int page = (int) g4.device().pageSize();
      int sector = (int) g4.sectors().get(0).size();
      UsbCounters start = target.counters();
      check(calls.init(1), "Init(erase)");
      for (int at = 0; at < size; at += sector) {
        check(calls.eraseSector(FLASH + at), "EraseSector");
      }
      check(calls.unInit(1), "UnInit(erase)");
      UsbCounters erased = target.counters();
      check(calls.init(2), "Init(program)");
      for (int at = 0; at < size; at += page) {
        check(calls.programPage(FLASH + at, AlgorithmCalls.pattern(FLASH + at, page)), "ProgramPage");
      }
      check(calls.unInit(2), "UnInit(program)");
      UsbCounters programmed = target.counters();
      for (int at = 0; at < size; at += page) {
        if (!Arrays.equals(target.read(FLASH + at, page), AlgorithmCalls.pattern(FLASH + at, page))) {
          throw new IllegalStateException(String.format("verify failed at 0x%08X", FLASH + at));
        }
      }
      UsbCounters total = target.counters().minus(start);
      double seconds = (System.nanoTime() - started) / 1e9;
      report(label, config, size, page, calls.calls, erased.minus(start), programmed.minus(erased),
          target.counters().minus(programmed), total, seconds);
    }
  }

  private static void check(int result, String call) {
    if (result != 0) {
      throw new IllegalStateException(call + " returned " + result);
    }
  }

  private static void report(String label, VirtualDapConfig config, int size, int page, int calls,
      UsbCounters erase, UsbCounters program, UsbCounters verify, UsbCounters total, double seconds) {
    double kib = size / 1024.0;
    int pages = size / page;
    int p = config.packetSize();
    double floor = size / (double) (p - 8) + size / (double) (p - 4) + 2.0 * calls;
    System.out.println("== " + label);
    System.out.printf(Locale.ROOT, "  erase    %5d packets out, %5d waits%n", erase.packetsOut(), erase.waits());
    System.out.printf(Locale.ROOT, "  program  %5d packets out, %5d waits, %.2f waits per page%n",
        program.packetsOut(), program.waits(), program.waits() / (double) pages);
    System.out.printf(Locale.ROOT, "  verify   %5d packets out, %5d waits%n", verify.packetsOut(), verify.waits());
    System.out.printf(Locale.ROOT,
        "  total    %5d packets out (%d in), %.2f packets per KiB, %.2f blocking waits per %d-byte page,"
            + " %d algorithm calls%n",
        total.packetsOut(), total.packetsIn(), total.packetsOut() / kib,
        total.waits() / (double) pages, page, calls);
    System.out.printf(Locale.ROOT,
        "  floor    %.0f packets (data out at %d B, verify in at %d B, 2 per call): %.2f per KiB;"
            + " ours is %.2fx the floor%n",
        floor, p - 8, p - 4, floor / kib, total.packetsOut() / floor);
    System.out.printf(Locale.ROOT, "  bytes    %d out, %d in; %.1f s wall (emulation included)%n",
        total.bytesOut(), total.bytesIn(), seconds);
  }
}
