package dev.packs.project.internal.resolve;

import dev.packs.project.PackPin;
import dev.packs.project.ProjectException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Picks the device a target name means: the name is matched without regard to case against Dname
 * and Dvariant, so the pyOCD form {@code stm32g431kbtx} works; {@code NAME:PNAME} picks one core of
 * a multicore part; the pin, else the newest installed pack, picks the pack.
 */
public final class TargetMatcher {
  private TargetMatcher() {}

  /** The chosen device and one sentence saying why that pack. */
  public record Match(DeviceEntry device, String packWhy) {}

  public static Match match(String target, List<DeviceEntry> installed, Optional<PackPin> pin) {
    int colon = target.indexOf(':');
    String name = normalise(colon < 0 ? target : target.substring(0, colon));
    List<DeviceEntry> named = installed.stream().filter(d -> normalise(d.name()).equals(name)).toList();
    if (named.isEmpty()) {
      throw new ProjectException.UnknownTarget(target, suggestions(name, installed));
    }
    List<DeviceEntry> cores = colon < 0 ? named : byProcessor(target, target.substring(colon + 1), named);
    List<DeviceEntry> pinned = pin.isPresent() ? byPin(target, pin.get(), cores) : cores;
    List<String> distinctCores = pinned.stream().map(DeviceEntry::processor).flatMap(Optional::stream)
        .map(p -> p.toUpperCase(Locale.ROOT)).distinct().sorted().toList();
    if (distinctCores.size() > 1) {
      throw new ProjectException.AmbiguousTarget(target,
          distinctCores.stream().map(p -> pinned.get(0).name() + ":" + p).toList());
    }
    DeviceEntry newest = pinned.stream().max(NEWEST).orElseThrow();
    return new Match(newest, why(pin, newest, pinned));
  }

  private static List<DeviceEntry> byProcessor(String target, String pname, List<DeviceEntry> named) {
    List<DeviceEntry> cores = named.stream()
        .filter(d -> d.processor().map(p -> p.equalsIgnoreCase(pname)).orElse(false)).toList();
    if (cores.isEmpty()) {
      String known = processors(named);
      throw new ProjectException.UnknownTarget(target,
          known.isEmpty() ? "; the device has a single processor, drop ':" + pname + "'" : "; its processors are " + known);
    }
    return cores;
  }

  private static List<DeviceEntry> byPin(String target, PackPin pin, List<DeviceEntry> cores) {
    List<DeviceEntry> pinned = cores.stream()
        .filter(d -> pin.names(d.pack().vendor(), d.pack().name())
            && pin.version().map(v -> VersionOrder.same(v, d.pack().version())).orElse(true))
        .toList();
    if (pinned.isEmpty()) {
      throw new ProjectException.PackNotInstalled(pin.toString(), " (pinned for " + target
          + "; installed packs providing it: " + packs(cores) + ")");
    }
    return pinned;
  }

  private static final Comparator<DeviceEntry> NEWEST =
      Comparator.comparing((DeviceEntry d) -> d.pack().version(), VersionOrder::compare)
          .thenComparing(d -> d.pack().toString(), Comparator.reverseOrder());

  private static String why(Optional<PackPin> pin, DeviceEntry chosen, List<DeviceEntry> candidates) {
    if (pin.isPresent()) {
      return "pinned to " + pin.get() + " in packs.yaml";
    }
    if (candidates.size() == 1) {
      return "the only installed pack providing " + chosen.name();
    }
    return "the newest of the installed packs providing " + chosen.name() + ": " + packs(candidates);
  }

  static String normalise(String name) {
    return name.strip().toLowerCase(Locale.ROOT).replace('-', '_');
  }

  private static String packs(List<DeviceEntry> entries) {
    return entries.stream().map(d -> d.pack().toString()).distinct().sorted().collect(Collectors.joining(", "));
  }

  private static String processors(List<DeviceEntry> entries) {
    return entries.stream().map(DeviceEntry::processor).flatMap(Optional::stream).distinct().sorted()
        .collect(Collectors.joining(", "));
  }

  /** Installed names sharing the longest prefix with the wanted one, closest first. */
  private static String suggestions(String name, List<DeviceEntry> installed) {
    String prefix = name.length() > 7 ? name.substring(0, 7) : name;
    List<String> close = installed.stream().map(DeviceEntry::name).distinct()
        .filter(n -> normalise(n).startsWith(prefix))
        .sorted(Comparator.comparingInt((String n) -> -commonPrefix(normalise(n), name)).thenComparing(n -> n))
        .limit(8).toList();
    return close.isEmpty()
        ? " (install its pack first: packs install ...)"
        : "; similar installed devices: " + String.join(", ", close);
  }

  private static int commonPrefix(String a, String b) {
    int i = 0;
    while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    return i;
  }
}
