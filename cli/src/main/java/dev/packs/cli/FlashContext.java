package dev.packs.cli;

import dev.packs.cache.AlgorithmCache;
import dev.packs.cache.AlgorithmCacheListener;
import dev.packs.flash.FlashService;
import dev.packs.project.ProjectConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** What the target commands ({@code flash}, {@code read}, {@code algo test}) share: the target and the service. */
final class FlashContext {
  private FlashContext() {}

  /** {@code --target}, else the only target in packs.yaml. */
  static String target(Services services, CommandSpec spec, String option) {
    if (option != null) {
      return option;
    }
    ProjectConfig config = ProjectContext.config(services);
    List<String> names = config.targetNames();
    if (names.size() == 1) {
      return names.get(0);
    }
    String where = config.file().map(Path::toString).orElse("no packs.yaml");
    throw new CommandLine.ParameterException(spec.commandLine(), names.isEmpty()
        ? "give --target: " + where + " names no target (e.g. --target stm32g431kbtx)"
        : "give --target: " + where + " names " + names.size() + " targets: " + String.join(", ", names));
  }

  static FlashService service(Services services, CommandSpec spec) {
    Optional<Path> option = ((PacksCommand) spec.root().userObject()).packRoot();
    AlgorithmCache cache = AlgorithmCache.in(ProjectContext.packRoot(services, option), AlgorithmCacheListener.NONE);
    return new FlashService(ProjectContext.resolver(services, spec), cache);
  }

  /** A decimal or 0x-prefixed length of at least one byte. */
  static int length(CommandSpec spec, String text) {
    long value = Addresses.parse(spec, "LENGTH", text);
    if (value <= 0 || value > Integer.MAX_VALUE - 8) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "Invalid value for LENGTH: '" + text + "' must be between 1 and 0x7FFFFFF7 bytes");
    }
    return (int) value;
  }
}
