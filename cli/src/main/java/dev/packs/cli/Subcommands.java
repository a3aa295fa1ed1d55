package dev.packs.cli;

import java.util.List;

/** The list of subcommands. Each issue adds its commands here, one line each. */
final class Subcommands {
  private Subcommands() {}

  static List<Object> all(Services services) {
    return List.of(
        new FindCommand(services),
        new ShowCommand(services),
        AlgoCommand.create(services),
        new PinCommand(services),
        new ResolveCommand(services),
        TargetCommand.create(services),
        new EmulateCommand(services));
  }
}
