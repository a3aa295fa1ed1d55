package dev.packs.cli;

import java.util.ArrayList;
import java.util.List;

/** The list of subcommands. Each issue adds its commands here, one line each. */
final class Subcommands {
  private Subcommands() {}

  static List<Object> all(Services services) {
    List<Object> all = new ArrayList<>(CacheCommands.all(services));
    all.add(new FindCommand(services));
    all.add(new ShowCommand(services));
    all.add(AlgoCommand.create(services));
    all.add(new PinCommand(services));
    all.add(new ResolveCommand(services));
    all.add(TargetCommand.create(services));
    all.add(new EmulateCommand(services));
    return all;
  }
}
