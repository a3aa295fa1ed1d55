package dev.packs.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.packs.index.Device;
import dev.packs.index.DeviceMatch;
import dev.packs.index.IndexedPack;
import dev.packs.index.Version;
import java.util.List;

/**
 * The JSON shapes of {@code find --json} and {@code show --json}. Scripts depend on these field
 * names and types: add fields, never rename or retype them. Numbers are integers; absent values are
 * {@code null}.
 */
final class DeviceJson {
  private DeviceJson() {}

  record Pack(String vendor, String name, String version) {}

  record Processor(String name, String core, String fpu, String mpu, String endian, Long clock) {}

  record Memory(
      String name, long start, long size, String access,
      @JsonProperty("default") boolean isDefault, boolean startup, String pname) {}

  record Algorithm(
      String path, long start, long size, Long ramStart, Long ramSize,
      @JsonProperty("default") boolean isDefault, String style, String pname) {}

  record Shown(
      String name, String vendor, String family, String subFamily, Pack pack,
      List<Processor> processors, List<Memory> memories, List<Algorithm> algorithms) {}

  record Found(
      String name, String kind, String vendor, Pack pack, boolean installed, List<String> mountedDevices) {}

  static Shown of(Device d) {
    return new Shown(
        d.name(), d.vendor(), d.family(), d.subFamily().orElse(null),
        new Pack(d.pack().vendor(), d.pack().name(), d.pack().version().map(Version::toString).orElse(null)),
        d.processors().stream()
            .map(p -> new Processor(p.name().orElse(null), p.core(), p.fpu(), p.mpu(), p.endian(), p.clock().orElse(null)))
            .toList(),
        d.memories().stream()
            .map(m -> new Memory(m.name(), m.start(), m.size(), m.access(), m.isDefault(), m.startup(), m.pname().orElse(null)))
            .toList(),
        d.algorithms().stream()
            .map(a -> new Algorithm(
                a.path(), a.start(), a.size(), a.ramStart().orElse(null), a.ramSize().orElse(null),
                a.isDefault(), a.style(), a.pname().orElse(null)))
            .toList());
  }

  static Found of(DeviceMatch m) {
    IndexedPack p = m.pack();
    return new Found(
        m.name(), m.kind().name().toLowerCase(java.util.Locale.ROOT), m.vendor(),
        new Pack(p.vendor(), p.name(), p.version().map(Version::toString).orElse(null)),
        p.installed(), m.mountedDevices());
  }
}
