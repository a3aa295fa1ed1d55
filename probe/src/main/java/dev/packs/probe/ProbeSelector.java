package dev.packs.probe;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Which probe to open, as {@code --probe} says it: {@link Usb} for an attached probe (any, one kind,
 * or one serial number), {@link Virtual} for a virtual probe over the emulator.
 */
public sealed interface ProbeSelector {
  /** The prefix that makes a kind virtual: {@code virtual-dap}, {@code virtual-stlink}. */
  String VIRTUAL_PREFIX = "virtual-";

  /**
   * An attached probe: of {@code kind} when present ({@code cmsis-dap}, {@code stlink}), with
   * {@code serial} when present; with neither, the only attached probe.
   */
  record Usb(Optional<String> kind, Optional<String> serial) implements ProbeSelector {
    public Usb {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(serial, "serial");
    }
  }

  /** A virtual probe of {@code kind}, whose emulated flash persists in {@code file} when present. */
  record Virtual(String kind, Optional<Path> file) implements ProbeSelector {
    public Virtual {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(file, "file");
      if (!kind.startsWith(VIRTUAL_PREFIX)) {
        throw new IllegalArgumentException("not a virtual probe kind: " + kind);
      }
    }
  }

  /** The only attached probe, whatever its kind. */
  static ProbeSelector any() {
    return new Usb(Optional.empty(), Optional.empty());
  }

  /**
   * Parses {@code KIND[:REST]}: {@code cmsis-dap[:SERIAL]}, {@code stlink[:SERIAL]},
   * {@code virtual-dap[:FILE]}, {@code virtual-stlink[:FILE]}. Whether the kind exists is checked
   * when the probe is opened.
   */
  static ProbeSelector parse(String spec) {
    Objects.requireNonNull(spec, "spec");
    int colon = spec.indexOf(':');
    String kind = (colon < 0 ? spec : spec.substring(0, colon)).toLowerCase(Locale.ROOT);
    Optional<String> rest = colon < 0 || colon == spec.length() - 1
        ? Optional.empty() : Optional.of(spec.substring(colon + 1));
    if (kind.isBlank()) {
      throw new IllegalArgumentException("no probe kind in '" + spec + "' (try cmsis-dap[:SERIAL])");
    }
    if (kind.startsWith(VIRTUAL_PREFIX)) {
      return new Virtual(kind, rest.map(Path::of));
    }
    return new Usb(Optional.of(kind), rest);
  }
}
