package dev.packs.flm;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The formats {@link AlgorithmExport} writes. */
public enum ExportFormat {
  /** The {@code flash_algorithms} fields of a probe-rs target YAML. */
  PROBE_RS("probe-rs"),
  /** A pyOCD-style flash algorithm dict, as a Python literal; needs a RAM window. */
  PYOCD("pyocd"),
  /** Our JSON: the {@code algo show --json} object plus the blob, and the placement when placed. */
  JSON("json");

  private final String label;

  ExportFormat(String label) {
    this.label = label;
  }

  /** The name used on the command line. */
  public String label() {
    return label;
  }

  public static Optional<ExportFormat> fromLabel(String label) {
    String wanted = label.toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(f -> f.label.equals(wanted)).findFirst();
  }
}
