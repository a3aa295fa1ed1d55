package dev.packs.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * What {@code --probe} names: {@code KIND[:ARGUMENT]}. Each kind is one record here and one entry in
 * {@link #KINDS}; {@link Probes#connect} opens it. The USB probe issues add {@code cmsis-dap[:SERIAL]},
 * {@code virtual-dap[:FILE]}, {@code stlink[:SERIAL]} and {@code virtual-stlink[:FILE]} the same way.
 */
sealed interface ProbeSpec {
  /** Parses an argument (the text after the colon, if any) relative to the working folder. */
  Map<String, BiFunction<Optional<String>, Path, ProbeSpec>> KINDS = kinds();

  /** How the probe is named in output, e.g. {@code emulator:flash.bin}. */
  String label();

  /** The emulated device; with a file, its flash persists there between runs. */
  record Emulator(Optional<Path> file, String label) implements ProbeSpec {}

  /** No {@code --probe}: the only attached USB probe. */
  record Attached() implements ProbeSpec {
    @Override
    public String label() {
      return "the attached probe";
    }
  }

  private static Map<String, BiFunction<Optional<String>, Path, ProbeSpec>> kinds() {
    Map<String, BiFunction<Optional<String>, Path, ProbeSpec>> kinds = new LinkedHashMap<>();
    kinds.put("emulator", (argument, dir) -> new Emulator(argument.map(dir::resolve),
        argument.map(a -> "emulator:" + a).orElse("emulator")));
    return Map.copyOf(kinds);
  }

  /** The probe {@code --probe} names, or {@link Attached} when it was not given. */
  static ProbeSpec parse(Optional<String> option, Path workingDir) {
    if (option.isEmpty()) {
      return new Attached();
    }
    String text = option.get().strip();
    int colon = text.indexOf(':');
    String kind = (colon < 0 ? text : text.substring(0, colon)).toLowerCase(Locale.ROOT);
    Optional<String> argument = colon < 0 ? Optional.empty() : Optional.of(text.substring(colon + 1))
        .filter(a -> !a.isEmpty());
    BiFunction<Optional<String>, Path, ProbeSpec> parser = KINDS.get(kind);
    if (parser == null) {
      throw new UsageException("unknown probe '" + text + "'; expected "
          + String.join(", ", KINDS.keySet().stream().sorted().toList()) + " (emulator or emulator:FILE)");
    }
    return parser.apply(argument, workingDir);
  }
}
