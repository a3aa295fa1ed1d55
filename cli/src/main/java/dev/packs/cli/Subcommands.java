package dev.packs.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The subcommands, by name, in the order {@code --help} lists them. Each issue adds its commands
 * here, one line each. A command is built only when asked for, so a process that runs one command
 * never loads the classes of the others (this is most of a cold start).
 */
final class Subcommands {
  private static final Map<String, Function<Services, Object>> FACTORIES = factories();

  private Subcommands() {}

  private static Map<String, Function<Services, Object>> factories() {
    Map<String, Function<Services, Object>> f = new LinkedHashMap<>();
    f.put("update-index", CacheCommands.UpdateIndex::new);
    f.put("install", CacheCommands.Install::new);
    f.put("list", CacheCommands.ListPacks::new);
    f.put("rm", CacheCommands.Remove::new);
    f.put("update", CacheCommands.Update::new);
    f.put("verify", CacheCommands.Verify::new);
    f.put("cache-dir", CacheCommands.CacheDir::new);
    f.put("find", FindCommand::new);
    f.put("show", ShowCommand::new);
    f.put("algo", AlgoCommand::create);
    f.put("pin", PinCommand::new);
    f.put("resolve", ResolveCommand::new);
    f.put("target", TargetCommand::create);
    f.put("emulate", EmulateCommand::new);
    f.put("mirror", MirrorCommand::new);
    f.put("serve", ServeCommand::new);
    f.put("bundle", BundleCommand::create);
    f.put("flash", FlashCommand::new);
    f.put("read", ReadCommand::new);
    f.put("probes", ProbesCommand::new);
    return f;
  }

  static List<String> names() {
    return List.copyOf(FACTORIES.keySet());
  }

  static List<Object> all(Services services) {
    return FACTORIES.values().stream().map(f -> f.apply(services)).toList();
  }

  /** The one command called {@code name}, if there is one. */
  static Optional<Object> named(String name, Services services) {
    return Optional.ofNullable(FACTORIES.get(name)).map(f -> f.apply(services));
  }
}
