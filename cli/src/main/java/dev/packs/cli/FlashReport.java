package dev.packs.cli;

import dev.packs.flash.FlashResult;
import dev.packs.flash.FlashTarget;
import dev.packs.flash.Image;
import dev.packs.probe.UsbCounters;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What {@code packs flash} did, shaped for {@code --json}: the fields the README documents, numbers as
 * JSON integers (seconds as a decimal). {@code usb} is the probe's USB traffic, null on the emulator.
 */
record FlashReport(String target, String device, String probe, List<Region> regions, long bytes,
    boolean verified, long calls, double seconds, long targetOperations, Usb usb) {
  FlashReport {
    regions = List.copyOf(regions);
  }

  /** One flash region the image touched. */
  record Region(String name, long start, long size, String algorithm, int sectorsErased, int pagesProgrammed,
      int pagesSkipped, boolean chipErase) {}

  /** What the connection to a probe (real or virtual) moved over USB, from opening it to the end of the flash. */
  record Usb(int packetSize, long packetsOut, long packetsIn, long bytesOut, long bytesIn, long waits) {
    static Usb of(UsbCounters c) {
      return new Usb(c.packetSize(), c.packetsOut(), c.packetsIn(), c.bytesOut(), c.bytesIn(), c.waits());
    }
  }

  static FlashReport of(FlashTarget target, String probe, Image image, FlashResult result, double seconds,
      long operations, Optional<UsbCounters> usb) {
    List<Region> regions = result.regions().stream()
        .map(r -> new Region(r.region().name(), r.region().start(), r.region().size(),
            target.algorithmFor(r.region()).map(a -> a.choice().file()).orElse(null), r.sectorsErased(),
            r.pagesProgrammed(), r.pagesSkipped(), r.chipErased()))
        .toList();
    return new FlashReport(target.resolved().target(), target.resolved().device(), probe, regions, image.size(),
        result.verified(), result.calls(), Math.round(seconds * 1000) / 1000.0, operations,
        usb.map(Usb::of).orElse(null));
  }

  void print(PrintWriter out) {
    out.printf(Locale.ROOT, "flashed %,d bytes to %s (%s) on %s in %.2f s%n", bytes, target, device, probe, seconds);
    for (Region r : regions) {
      String erase = r.chipErase() ? "chip erased" : count(r.sectorsErased(), "sector") + " erased";
      out.printf(Locale.ROOT, "  %s  %s..%s  %s: %s, %s programmed, %d skipped%n", r.name(), Addresses.hex(r.start()),
          Addresses.hex(r.start() + r.size() - 1), r.algorithm(), erase, count(r.pagesProgrammed(), "page"),
          r.pagesSkipped());
    }
    out.printf(Locale.ROOT, "  %s; %d algorithm calls, %d target operations%n", verified ? "verified" : "not verified",
        calls, targetOperations);
    if (usb != null) {
      out.printf(Locale.ROOT, "  usb: %d packets out, %d in; %,d bytes out, %,d in; %d blocking waits%n",
          usb.packetsOut(), usb.packetsIn(), usb.bytesOut(), usb.bytesIn(), usb.waits());
    }
  }

  private static String count(int n, String what) {
    return n + " " + what + (n == 1 ? "" : "s");
  }
}
