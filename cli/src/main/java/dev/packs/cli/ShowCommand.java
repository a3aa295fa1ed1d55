package dev.packs.cli;

import dev.packs.index.Device;
import dev.packs.index.IndexedPack;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code packs show DEVICE}: the effective processors, memory map and flash algorithms. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = {
      "Show a device's processors, memory map and flash algorithms, each with the level it comes from.",
      "Uses the newest pack that provides the device; --pack files take precedence."
    })
final class ShowCommand implements Callable<Integer> {
  private final Services services;

  @Spec private CommandSpec spec;
  @ParentCommand private PacksCommand parent;

  @Parameters(paramLabel = "DEVICE", description = "A device or variant name, e.g. STM32G431KBTx (any case).")
  private String device;

  @Option(names = "--json", description = "Print one JSON object (stable shape, see README).")
  private boolean json;

  @Option(names = "--pack", paramLabel = "PDSC_OR_PACK", description = "Also read this .pdsc or .pack file (repeatable).")
  private List<Path> packFiles = new ArrayList<>();

  ShowCommand(Services services) {
    this.services = services;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    DeviceLookup.Shown shown =
        DeviceLookup.of(services, parent.packRoot(), packFiles, spec.commandLine().getErr()).show(device);
    PrintWriter err = spec.commandLine().getErr();
    shown.warnings().forEach(w -> err.println("packs: warning: " + w));
    if (json) {
      Json.print(out, DeviceJson.of(shown.device()));
    } else {
      render(out, shown);
    }
    return ExitCode.OK.code();
  }

  private static void render(PrintWriter out, DeviceLookup.Shown shown) {
    Device d = shown.device();
    out.println(d.name() + d.variantOf().map(v -> " (variant of " + v + ")").orElse(""));
    out.println("  vendor:    " + d.vendor());
    out.println("  family:    " + d.family() + d.subFamily().map(s -> " / " + s).orElse(""));
    out.println("  pack:      " + describe(shown.pack()));
    for (IndexedPack other : shown.alsoIn()) {
      out.println("  also in:   " + describe(other));
    }
    out.println();
    out.println("Processors:");
    Table p = new Table("NAME", "CORE", "FPU", "MPU", "ENDIAN", "CLOCK", "FROM");
    for (Device.Processor c : d.processors()) {
      p.row(c.name().orElse("-"), c.core(), c.fpu(), c.mpu(), c.endian(),
          c.clock().map(String::valueOf).orElse("-"), c.origin());
    }
    p.print(out, "  ");
    out.println();
    out.println("Memory:");
    Table m = new Table("NAME", "START", "SIZE", "ACCESS", "DEFAULT", "STARTUP", "PNAME", "FROM");
    for (Device.Memory r : d.memories()) {
      m.row(r.name(), hex(r.start()), hex(r.size()), r.access(), yes(r.isDefault()), yes(r.startup()),
          r.pname().orElse("-"), r.origin());
    }
    m.print(out, "  ");
    out.println();
    out.println("Flash algorithms:");
    Table a = new Table("PATH", "START", "SIZE", "RAM", "DEFAULT", "STYLE", "PNAME", "FROM");
    for (Device.Algorithm g : d.algorithms()) {
      String ram = g.ramStart().isPresent() || g.ramSize().isPresent()
          ? hexOr(g.ramStart()) + "+" + hexOr(g.ramSize()) : "-";
      a.row(g.path(), hex(g.start()), hex(g.size()), ram, yes(g.isDefault()), g.style(),
          g.pname().orElse("-"), g.origin());
    }
    a.print(out, "  ");
  }

  private static String describe(IndexedPack p) {
    return p.displayName() + " (" + p.source().origin().name().toLowerCase(java.util.Locale.ROOT)
        + ", " + p.source().descriptor() + ")";
  }

  private static String hex(long v) {
    return String.format("0x%08X", v);
  }

  private static String hexOr(Optional<Long> v) {
    return v.map(ShowCommand::hex).orElse("?");
  }

  private static String yes(boolean b) {
    return b ? "yes" : "no";
  }
}
