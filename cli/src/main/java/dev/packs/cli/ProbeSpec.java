package dev.packs.cli;

import dev.packs.probe.ProbeSelector;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * What {@code --probe} names: {@code KIND[:ARGUMENT]}. Each kind is one entry in {@link #KINDS};
 * {@link Probes#connect} opens it. FILE arguments are relative to the working folder.
 */
sealed interface ProbeSpec {
  /** Parses an argument (the text after the colon, if any) relative to the working folder. */
  Map<String, BiFunction<Optional<String>, Path, ProbeSpec>> KINDS = kinds();

  /** How the probe is named in output, e.g. {@code emulator:flash.bin}. */
  String label();

  /** The emulated device; with a file, its flash persists there between runs. */
  record Emulator(Optional<Path> file, String label) implements ProbeSpec {}

  /**
   * A probe of the probe module: {@code cmsis-dap[:SERIAL]} or {@code stlink[:SERIAL]} on USB, or
   * {@code virtual-dap[:FILE]} or {@code virtual-stlink[:FILE]} over the target's emulated device.
   */
  record Probe(ProbeSelector selector, String label) implements ProbeSpec {}

  /** No {@code --probe}: the only attached USB probe. */
  record Attached() implements ProbeSpec {
    @Override
    public String label() {
      return "the attached probe";
    }
  }

  private static Map<String, BiFunction<Optional<String>, Path, ProbeSpec>> kinds() {
    Map<String, BiFunction<Optional<String>, Path, ProbeSpec>> kinds = new LinkedHashMap<>();
    kinds.put("emulator", (argument, dir) -> new Emulator(argument.map(dir::resolve), label("emulator", argument)));
    for (String kind : new String[] {"cmsis-dap", "stlink"}) {
      kinds.put(kind, (serial, dir) -> new Probe(new ProbeSelector.Usb(Optional.of(kind), serial),
          label(kind, serial)));
    }
    for (String kind : new String[] {"virtual-dap", "virtual-stlink"}) {
      kinds.put(kind, (file, dir) -> new Probe(new ProbeSelector.Virtual(kind, file.map(dir::resolve)),
          label(kind, file)));
    }
    return Map.copyOf(kinds);
  }

  private static String label(String kind, Optional<String> argument) {
    return argument.map(a -> kind + ":" + a).orElse(kind);
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
      throw new UsageException("unknown probe '" + text + "'; expected emulator[:FILE], cmsis-dap[:SERIAL],"
          + " stlink[:SERIAL], virtual-dap[:FILE] or virtual-stlink[:FILE] (packs probes lists the attached ones)");
    }
    return parser.apply(argument, workingDir);
  }
}
