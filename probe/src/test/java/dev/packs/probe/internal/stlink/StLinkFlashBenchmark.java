package dev.packs.probe.internal.stlink;

import dev.packs.probe.internal.dap.AlgorithmCalls;

import dev.packs.probe.UsbCounters;
import java.util.Arrays;
import java.util.Optional;

/**
 * Erases, programs and verifies the whole 128 KiB of the virtual NUCLEO-G431KB through the ST-Link
 * stack with our G4 algorithm, and prints what went over USB per KiB and per page, and the time
 * (bench/stlink.sh; a figure, not a test).
 */
public final class StLinkFlashBenchmark {
  private static final long FLASH = 0x0800_0000L;
  private static final int PAGE = 0x800;
  private static final int SIZE = 0x2_0000;

  private StLinkFlashBenchmark() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    for (int round = 1; round <= rounds; round++) {
      VirtualStLink probe = new VirtualStLink(VirtualG431.build(), VirtualFirmware.NUCLEO_G431KB, StLinkMode.MASS_STORAGE,
          Optional.empty());
      try (StLinkTarget target = probe.attach()) {
        long start = System.nanoTime();
        UsbCounters before = target.counters();
        AlgorithmCalls g4 = AlgorithmCalls.stm32g4(target);
        check(g4.init(1) == 0 && eraseAll(g4) && g4.unInit(1) == 0, "erase");
        check(g4.init(2) == 0, "init");
        for (int at = 0; at < SIZE; at += PAGE) {
          check(g4.programPage(FLASH + at, AlgorithmCalls.pattern(FLASH + at, PAGE)) == 0, "program");
        }
        check(g4.unInit(2) == 0, "uninit");
        check(Arrays.equals(target.read(FLASH, SIZE), AlgorithmCalls.pattern(FLASH, SIZE)), "verify");
        double ms = (System.nanoTime() - start) / 1e6;
        UsbCounters c = target.counters();
        long out = c.packetsOut() - before.packetsOut();
        long in = c.packetsIn() - before.packetsIn();
        System.out.printf("round %d: %.0f ms; %d OUT + %d IN transfers (%.1f per KiB, %.1f per page),"
            + " %d bytes out, %d bytes in, %d blocking waits (%.1f per page)%n", round, ms, out, in,
            (out + in) / 128.0, (out + in) / 64.0, c.bytesOut() - before.bytesOut(),
            c.bytesIn() - before.bytesIn(), c.waits() - before.waits(),
            (c.waits() - before.waits()) / 64.0);
      }
    }
  }

  private static boolean eraseAll(AlgorithmCalls g4) {
    for (int at = 0; at < SIZE; at += PAGE) {
      if (g4.eraseSector(FLASH + at) != 0) {
        return false;
      }
    }
    return true;
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      throw new IllegalStateException(what + " failed");
    }
  }
}
