package dev.packs.cli;

import dev.packs.index.DeviceMatch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code packs find PATTERN...}: devices, variants and boards by name. */
@Command(
    name = "find",
    mixinStandardHelpOptions = true,
    description = {
      "Find devices, variants and boards by name: a case-insensitive substring, or a glob with * and ?.",
      "Exact matches come first. Every pack that provides a match is listed, newest first."
    })
final class FindCommand implements Callable<Integer> {
  private final Services services;

  @Spec private CommandSpec spec;
  @ParentCommand private PacksCommand parent;

  @Parameters(arity = "1..*", paramLabel = "PATTERN", description = "e.g. STM32G431, 'stm32g4*kb*'")
  private List<String> patterns = new ArrayList<>();

  @Option(names = "--json", description = "Print a JSON array instead of a table.")
  private boolean json;

  @Option(names = "--pack", paramLabel = "PDSC_OR_PACK", description = "Also search this .pdsc or .pack file (repeatable).")
  private List<Path> packFiles = new ArrayList<>();

  FindCommand(Services services) {
    this.services = services;
  }

  @Override
  public Integer call() throws Exception {
    var err = spec.commandLine().getErr();
    var out = spec.commandLine().getOut();
    List<DeviceMatch> matches =
        DeviceLookup.of(services, parent.packRoot(), packFiles, err).find(patterns);
    if (json) {
      Json.print(out, matches.stream().map(DeviceJson::of).toList());
      return ExitCode.OK.code();
    }
    Table t = new Table("DEVICE", "VENDOR", "PACK", "VERSION", "INSTALLED");
    for (DeviceMatch m : matches) {
      String name =
          m.kind() == DeviceMatch.Kind.BOARD
              ? m.name() + " (board: " + String.join(", ", m.mountedDevices()) + ")"
              : m.name();
      t.row(
          name, m.vendor(), m.pack().vendor() + "." + m.pack().name(),
          m.pack().version().map(Object::toString).orElse("-"), m.pack().installed() ? "yes" : "no");
    }
    t.print(out, "");
    return ExitCode.OK.code();
  }
}
