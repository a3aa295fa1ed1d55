package dev.packs.index.internal.resolve;

import dev.packs.index.Device;
import dev.packs.index.DeviceNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Accumulates the properties of one device, level by level from the family down. A lower level
 * replaces attributes it declares and keeps the rest from above.
 */
final class Properties {
  private final String where;
  private final List<String> warnings;
  private final Map<String, Sourced<DeviceNode.Processor>> processors = new LinkedHashMap<>();
  private final Map<String, Sourced<DeviceNode.Memory>> memories = new LinkedHashMap<>();
  private final Map<String, Sourced<DeviceNode.Algorithm>> algorithms = new LinkedHashMap<>();
  private final Map<String, DeviceNode.Debug> debugs = new LinkedHashMap<>();

  private record Sourced<T>(T value, String origin) {}

  Properties(String where, List<String> warnings) {
    this.where = where;
    this.warnings = warnings;
  }

  void add(DeviceNode level) {
    String origin = level.level().xmlName() + " " + level.name();
    for (DeviceNode.Processor p : level.processors()) {
      processors.merge(
          p.pname().orElse(""), new Sourced<>(p, origin),
          (up, lo) -> new Sourced<>(Merge.processor(lo.value(), up.value()), lo.origin()));
    }
    for (DeviceNode.Memory m : level.memories()) {
      String key = m.key() + "|" + m.pname().orElse("");
      memories.merge(
          key, new Sourced<>(m, origin),
          (up, lo) -> new Sourced<>(Merge.memory(lo.value(), up.value()), lo.origin()));
    }
    for (DeviceNode.Algorithm a : level.algorithms()) {
      // Same file, range, style and processor: the lower level takes precedence, in place.
      String key =
          a.path().toLowerCase(Locale.ROOT) + "|" + a.start() + "|" + a.size() + "|"
              + a.style().orElse("Keil") + "|" + a.pname().orElse("");
      algorithms.put(key, new Sourced<>(a, origin));
    }
    for (DeviceNode.Debug d : level.debugs()) {
      debugs.merge(d.pname().orElse(""), d, (up, lo) -> Merge.debug(lo, up));
    }
  }

  List<Device.Processor> processors() {
    Sourced<DeviceNode.Processor> shared = processors.get("");
    boolean named = processors.keySet().stream().anyMatch(k -> !k.isEmpty());
    List<Device.Processor> out = new ArrayList<>();
    for (Sourced<DeviceNode.Processor> s : processors.values()) {
      if (named && s.value().pname().isEmpty()) {
        continue; // an unnamed processor only supplies defaults to the named ones
      }
      DeviceNode.Processor p = shared != null && named ? Merge.processor(s.value(), shared.value()) : s.value();
      if (p.core().isEmpty()) {
        warnings.add(where + ": processor " + p.pname().orElse("") + " has no Dcore");
      }
      out.add(
          new Device.Processor(
              p.pname(), p.core().orElse("unknown"), legacy(p.fpu(), "FPU", "NO_FPU"),
              legacy(p.mpu(), "MPU", "NO_MPU"), p.endian().orElse("Little-endian"), p.clock(),
              s.origin()));
    }
    return out;
  }

  /** Old descriptors write Dfpu/Dmpu as 1 or 0; newer ones use the enumerated names. */
  private static String legacy(Optional<String> value, String yes, String no) {
    String v = value.orElse(no);
    return v.equals("1") ? yes : v.equals("0") ? no : v;
  }

  List<Device.Memory> memories() {
    List<Device.Memory> out = new ArrayList<>();
    for (Sourced<DeviceNode.Memory> s : memories.values()) {
      DeviceNode.Memory m = s.value();
      String name = m.name().orElseGet(m.id()::orElseThrow);
      if (m.start().isEmpty() || m.size().isEmpty()) {
        warnings.add(
            where + ": memory '" + name + "' has no " + (m.start().isEmpty() ? "start" : "size")
                + "; ignored");
        continue;
      }
      out.add(
          new Device.Memory(
              name, m.start().get(), m.size().get(), m.access().orElseGet(() -> legacyAccess(m.key())),
              m.isDefault().orElse(false), m.startup().orElse(false), m.uninit().orElse(false),
              m.pname(), m.alias(), s.origin()));
    }
    return out;
  }

  /** The legacy ids imply access: IROM/ROM means rx, IRAM/RAM means rw; else the XSD default r. */
  static String legacyAccess(String key) {
    String k = key.toUpperCase(Locale.ROOT);
    int at = k.startsWith("I") ? 1 : 0;
    boolean digitsAfter = k.length() >= at + 3 && k.substring(at + 3).chars().allMatch(Character::isDigit);
    if (digitsAfter && k.startsWith("ROM", at)) {
      return "rx";
    }
    if (digitsAfter && k.startsWith("RAM", at)) {
      return "rw";
    }
    return "r";
  }

  List<Device.Algorithm> algorithms() {
    List<Device.Algorithm> out = new ArrayList<>();
    for (Sourced<DeviceNode.Algorithm> s : algorithms.values()) {
      DeviceNode.Algorithm a = s.value();
      if (a.start().isEmpty() || a.size().isEmpty()) {
        warnings.add(where + ": algorithm '" + a.path() + "' has no start or size; ignored");
        continue;
      }
      out.add(
          new Device.Algorithm(
              a.path(), a.start().get(), a.size().get(), a.ramStart(), a.ramSize(),
              a.isDefault().orElse(false), a.style().orElse("Keil"), a.pname(), s.origin()));
    }
    warnDefaultOverlaps(out);
    return out;
  }

  private void warnDefaultOverlaps(List<Device.Algorithm> algos) {
    for (int i = 0; i < algos.size(); i++) {
      for (int j = i + 1; j < algos.size(); j++) {
        Device.Algorithm a = algos.get(i);
        Device.Algorithm b = algos.get(j);
        boolean overlap = a.start() < b.start() + b.size() && b.start() < a.start() + a.size();
        boolean sameCore =
            a.pname().isEmpty() || b.pname().isEmpty() || a.pname().equals(b.pname());
        if (a.isDefault() && b.isDefault() && overlap && sameCore) {
          warnings.add(
              String.format(
                  "%s: default algorithms %s and %s overlap at 0x%08X; both kept",
                  where, a.path(), b.path(), Math.max(a.start(), b.start())));
        }
      }
    }
  }

  /** Effective debug settings: one per Pname, each filled from the unnamed one where it is silent. */
  List<DeviceNode.Debug> debugs() {
    DeviceNode.Debug shared = debugs.get("");
    boolean named = debugs.keySet().stream().anyMatch(k -> !k.isEmpty());
    List<DeviceNode.Debug> out = new ArrayList<>();
    for (DeviceNode.Debug d : debugs.values()) {
      if (named && d.pname().isEmpty()) {
        continue;
      }
      out.add(shared != null && named ? Merge.debug(d, shared) : d);
    }
    return out;
  }
}
