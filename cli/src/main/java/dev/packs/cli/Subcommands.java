package dev.packs.cli;

import java.util.ArrayList;
import java.util.List;

/** The list of subcommands. Each issue adds its commands here, one line each. */
final class Subcommands {
  private Subcommands() {}

  static List<Object> all(Services services) {
    List<Object> all = new ArrayList<>();
    all.addAll(CacheCommands.all(services));
    return all;
  }
}
