package dev.packs.cli;

import dev.packs.project.ResolvedTarget;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code packs target show TARGET [--json]}: memory map and chosen algorithms with reasons. */
@Command(name = "target", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
    description = "Targets: what packs would flash, and why.")
final class TargetCommand implements Runnable {
  @Spec private CommandSpec spec;

  private TargetCommand() {}

  static CommandLine create(Services services) {
    CommandLine target = new CommandLine(new TargetCommand());
    target.addSubcommand(new Show(services));
    return target;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing command");
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = {
      "Prints a target's memory map and, per flash region, the chosen algorithm and why:",
      "pack default, pinned pack, user choice or local override.",
      "TARGET is a Dname or Dvariant in any case (stm32g431kbtx), NAME:PNAME for one core."})
  static final class Show implements Callable<Integer> {

    private final Services services;
    @Spec private CommandSpec spec;
    @Parameters(index = "0", paramLabel = "TARGET") private String target;
    @Option(names = "--json", description = "print one JSON object") private boolean json;

    Show(Services services) {
      this.services = services;
    }

    @Override
    public Integer call() throws java.io.IOException {
      ResolvedTarget resolved = ProjectContext.resolver(services, spec).resolve(target);
      if (json) {
        Json.print(spec.commandLine().getOut(), TargetJson.of(resolved));
      } else {
        TargetText.print(resolved, spec.commandLine().getOut());
      }
      spec.commandLine().getOut().flush();
      return ExitCode.OK.code();
    }
  }
}
