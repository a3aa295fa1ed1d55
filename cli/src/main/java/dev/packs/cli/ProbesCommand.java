package dev.packs.cli;

import dev.packs.probe.ProbeInfo;
import dev.packs.probe.ProbeListener;
import dev.packs.probe.Probes;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code packs probes}: the attached debug probes, each with the {@code --probe} value that selects it. */
@Command(
    name = "probes",
    mixinStandardHelpOptions = true,
    description = {
      "List the attached debug probes (CMSIS-DAP v1 and v2, ST-Link V2, V2-1 and V3): kind, vendor,"
          + " product, serial, protocol or firmware version, transport, the target voltage where the probe"
          + " measures it, and the --probe value that selects each.",
      "Without USB, or where libusb cannot start, it says that no probe was found and exits 0."
    })
final class ProbesCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(names = "--json", description = "print a JSON array")
  private boolean json;

  ProbesCommand(Services services) {
    // Probes need nothing from the services; the constructor keeps the registry's shape.
  }

  /** One probe as {@code --json} prints it; {@code targetVoltage} in volts, null where the probe does not measure it. */
  record Row(String probe, String kind, String vendor, String product, String serial,
      String version, String protocol, String usb, Double targetVoltage) {
    static Row of(ProbeInfo p) {
      return new Row(p.spec(), p.kind(), p.vendor(), p.product(), p.serial(), p.version(),
          p.protocol(), String.format("%04x:%04x", p.vendorId(), p.productId()),
          p.targetVoltage().isPresent() ? Math.round(p.targetVoltage().getAsDouble() * 100) / 100.0 : null);
    }
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ProbeListener listener = new ProbeListener() {
      @Override
      public void warning(String message) {
        err.println("packs: " + message);
      }
    };
    print(Probes.create(listener).list(), json, out, err);
    out.flush();
    err.flush();
    return ExitCode.OK.code();
  }

  /** Prints the probes: a table, or {@code --json}'s array; none found is a message on {@code err}. */
  static void print(List<ProbeInfo> probes, boolean json, PrintWriter out, PrintWriter err) throws IOException {
    List<Row> rows = probes.stream().map(Row::of).toList();
    if (json) {
      Json.print(out, rows);
    } else if (rows.isEmpty()) {
      err.println("packs: no debug probe found");
    } else {
      Table table = new Table("PROBE", "VENDOR", "PRODUCT", "VERSION", "USB", "TARGET");
      for (Row r : rows) {
        table.row(r.probe(), r.vendor(), r.product(), r.version(), r.protocol() + " " + r.usb(),
            r.targetVoltage() == null ? "-" : String.format(Locale.ROOT, "%.2f V", r.targetVoltage()));
      }
      table.print(out, "");
    }
  }
}
