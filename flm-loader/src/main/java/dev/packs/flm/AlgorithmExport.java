package dev.packs.flm;

import dev.packs.flm.internal.export.AlgorithmJson;
import dev.packs.flm.internal.export.ProbeRsYaml;
import dev.packs.flm.internal.export.PyocdDict;
import java.util.List;
import java.util.Locale;

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

  /** The name an exported algorithm gets from its file: the lower-case stem, e.g. {@code stm32g4xx_128}. */
  public static String nameOf(String file) {
    return stem(file);
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
