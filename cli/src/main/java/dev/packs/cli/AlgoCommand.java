package dev.packs.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code packs algo}: flash algorithms. Each subcommand is registered in {@link #create}. */
@Command(
    name = "algo",
    mixinStandardHelpOptions = true,
    description = "Inspect, export and choose flash algorithms (.FLM).",
    synopsisSubcommandLabel = "COMMAND")
final class AlgoCommand implements Runnable {
  @Spec private CommandSpec spec;

  static CommandLine create(Services services) {
    CommandLine algo = new CommandLine(new AlgoCommand());
    algo.addSubcommand(new AlgoShowCommand(services));
    algo.addSubcommand(new AlgoExportCommand(services));
    AlgoConfigCommands.addTo(algo, services);
    algo.addSubcommand(new AlgoTestCommand(services));
    algo.addSubcommand(new AlgoDiffCommand(services));
    return algo;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing algo command");
  }
}
