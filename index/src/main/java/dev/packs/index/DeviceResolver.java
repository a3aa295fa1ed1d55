package dev.packs.index;

import dev.packs.index.internal.resolve.Resolution;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Computes effective devices from a descriptor's device tree, following Arm's devtools RteModel:
 * family &gt; subFamily &gt; device &gt; variant; processors, memories and debug settings merge by
 * key with the lower level winning and missing attributes filled from above; algorithms and
 * descriptions accumulate. Problems that do not stop the device from being usable are returned as
 * warnings, never printed.
 */
public final class DeviceResolver {
  private DeviceResolver() {}

  /** Every device and variant of the descriptor, in document order, plus warnings. */
  public static Result resolve(PackDescriptor pdsc) {
    return Resolution.of(pdsc);
  }

  /** The device or variant with this name (case-insensitive). */
  public static Optional<Device> resolve(PackDescriptor pdsc, String name) {
    String wanted = name.toLowerCase(Locale.ROOT);
    return resolve(pdsc).devices().stream()
        .filter(d -> d.name().toLowerCase(Locale.ROOT).equals(wanted))
        .findFirst();
  }

  /**
   * The devices of a descriptor and what was odd about them.
   *
   * @param warnings one line each, naming the source and the device
   */
  public record Result(List<Device> devices, List<String> warnings) {
    public Result {
      devices = List.copyOf(devices);
      warnings = List.copyOf(Objects.requireNonNull(warnings, "warnings"));
    }

    /** The warnings about one device (they name it as {@code device 'NAME'}). */
    public List<String> warningsFor(String device) {
      String tag = "device '" + device + "'";
      return warnings.stream().filter(w -> w.contains(tag)).toList();
    }
  }
}
