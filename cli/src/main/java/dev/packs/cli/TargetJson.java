package dev.packs.cli;

import dev.packs.project.ResolvedTarget;
import java.util.List;
import java.util.Locale;

/** The {@code packs target show --json} object. Numbers are JSON integers; keep the shape stable. */
record TargetJson(
    String target,
    String device,
    String processor,
    String pack,
    String packWhy,
    List<MemoryJson> memories,
    List<RegionJson> flashRegions) {

  record MemoryJson(String name, long start, long size, String access, boolean isDefault, boolean startup) {}

  record RegionJson(String name, long start, long size, List<String> candidates, AlgorithmJson algorithm) {}

  record AlgorithmJson(
      String origin, String file, String path, long start, long size, Long ramStart, Long ramSize,
      String sha256, String flashDevice, long pageSize, String reason, String why) {}

  static TargetJson of(ResolvedTarget t) {
    return new TargetJson(t.target(), t.device(), t.processor().orElse(null), t.pack().toString(), t.packWhy(),
        t.memories().stream()
            .map(m -> new MemoryJson(m.name(), m.start(), m.size(), m.access(), m.isDefault(), m.startup()))
            .toList(),
        t.flashRegions().stream()
            .map(r -> new RegionJson(r.name(), r.start(), r.size(), r.candidates(), r.algorithm().map(TargetJson::algorithm).orElse(null)))
            .toList());
  }

  private static AlgorithmJson algorithm(ResolvedTarget.Algorithm a) {
    return new AlgorithmJson(a.origin().name().toLowerCase(Locale.ROOT), a.file(), a.path().toString(), a.start(),
        a.size(), a.ram().map(r -> r.start()).orElse(null), a.ram().map(r -> r.size()).orElse(null), a.sha256(),
        a.flashDevice().name(), a.flashDevice().pageSize(), a.reason().name().toLowerCase(Locale.ROOT), a.why());
  }
}
