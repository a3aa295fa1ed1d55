package dev.packs.flm;

import dev.packs.flm.internal.export.AlgorithmJson;
import dev.packs.flm.internal.export.ProbeRsYaml;
import dev.packs.flm.internal.export.PyocdDict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes algorithms for other tools: probe-rs target YAML fields, a pyOCD algorithm dict, or our JSON.
 * Callers resolve the algorithms (from a file, or a target's flash regions) and pass them here.
 */
public final class AlgorithmExport {
  private AlgorithmExport() {}

  /**
   * Renders {@code algorithms} in {@code format}.
   *
   * @throws IllegalArgumentException for pyOCD when an algorithm has no RAM window
   * @throws PlacementException when an algorithm does not fit its RAM window
   */
  public static String render(ExportFormat format, List<ExportedAlgorithm> algorithms) {
    if (algorithms.isEmpty()) {
      throw new IllegalArgumentException("nothing to export");
    }
    return switch (format) {
      case PROBE_RS -> ProbeRsYaml.render(algorithms);
      case PYOCD -> PyocdDict.render(algorithms);
      case JSON -> AlgorithmJson.export(algorithms);
    };
  }

  /**
   * The algorithms a resolved target flashes with, one per flash region that has one, read through the
   * cache (so a second export never reopens the FLMs). Each is named after its file's stem, is the
   * region's default, and carries the RAM window the resolution chose.
   *
   * @throws AlgorithmCacheException if an algorithm file cannot be read
   * @throws FlmFormatException if one is not a usable FLM
   */
  public static List<ExportedAlgorithm> algorithmsOf(ResolvedTarget target, AlgorithmCache cache) {
    List<ExportedAlgorithm> out = new ArrayList<>();
    for (ResolvedTarget.FlashRegion region : target.flashRegions()) {
      if (region.algorithm().isEmpty()) {
        continue;
      }
      ResolvedTarget.Algorithm a = region.algorithm().get();
      FlashAlgorithm algo = cache.load(a.path());
      Optional<RamWindow> ram = a.ram().map(r -> new RamWindow(r.start(), r.size()));
      out.add(new ExportedAlgorithm(stem(a.file()), true, algo, ram));
    }
    return List.copyOf(out);
  }

  static String stem(String file) {
    String name = file.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    return (dot > 0 ? name.substring(0, dot) : name).toLowerCase(Locale.ROOT);
  }

  /**
   * The stable JSON object of {@code packs algo show --json}: sha256, device, sectors, entryPoints,
   * sections and staticBase. Scripts rely on this shape.
   */
  public static String showJson(FlashAlgorithm algorithm) {
    return AlgorithmJson.show(algorithm);
  }
}
