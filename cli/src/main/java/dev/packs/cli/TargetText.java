package dev.packs.cli;

import dev.packs.flm.RamWindow;
import dev.packs.project.ResolvedTarget;
import dev.packs.project.TargetConfig;
import java.io.PrintWriter;

/** The human form of {@code packs target show}. */
final class TargetText {
  private TargetText() {}

  static void print(ResolvedTarget t, PrintWriter out) {
    out.printf("target   %s%n", t.target());
    out.printf("device   %s%s%n", t.device(), t.processor().map(p -> " (processor " + p + ")").orElse(""));
    out.printf("pack     %s  (%s)%n", t.pack(), t.packWhy());
    out.println();
    out.println("memory map");
    int width = t.memories().stream().mapToInt(m -> m.name().length()).max().orElse(4);
    for (ResolvedTarget.Memory m : t.memories()) {
      out.printf("  %-" + width + "s  %s  %s  %-4s%s%s%n", m.name(), Addresses.hex(m.start()), Addresses.hex(m.size()),
          m.access(), m.isDefault() ? " default" : "", m.startup() ? " startup" : "");
    }
    out.println();
    out.println("flash regions");
    for (ResolvedTarget.FlashRegion r : t.flashRegions()) {
      out.printf("  %s  %s..%s%n", r.name(), Addresses.hex(r.start()), Addresses.hex(r.start() + r.size() - 1));
      if (r.algorithm().isEmpty()) {
        out.println(r.candidates().isEmpty()
            ? "    algorithm  none: no algorithm covers this region"
            : "    algorithm  none chosen; the pack offers " + String.join(", ", r.candidates())
                + " (choose with 'packs algo use " + t.target() + " NAME')");
        continue;
      }
      ResolvedTarget.Algorithm a = r.algorithm().get();
      out.printf("    algorithm  %s%s%n", a.file(), a.origin() == ResolvedTarget.Origin.LOCAL ? " (local file)" : "");
      out.printf("    why        %s: %s%n", a.reason().label(), a.why());
      out.printf("    flm        %s, page %d bytes, erased 0x%02X%n", a.flashDevice().name(),
          a.flashDevice().pageSize(), a.flashDevice().erasedValue());
      out.printf("    sha256     %s%n", a.sha256());
      a.ram().ifPresent((RamWindow ram) ->
          out.printf("    ram        %s, %s bytes%n", Addresses.hex(ram.start()), Addresses.hex(ram.size())));
    }
  }
}
