package dev.packs.flm;

import java.util.Objects;
import java.util.Optional;

/**
 * One algorithm to export, with what a target adds to the file: a name, whether it is the region's
 * default, and the RAM window it runs in (needed for pyOCD, included in JSON when present).
 */
public record ExportedAlgorithm(
    String name, boolean isDefault, FlashAlgorithm algorithm, Optional<RamWindow> ram) {
  public ExportedAlgorithm {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(ram, "ram");
    if (name.isBlank()) {
      throw new IllegalArgumentException("an exported algorithm needs a name");
    }
  }

  /** Named after the file's stem in lower case, as probe-rs target-gen does; default, not placed. */
  public static ExportedAlgorithm ofFile(FlashAlgorithm algorithm, Optional<RamWindow> ram) {
    return new ExportedAlgorithm(AlgorithmExport.stem(algorithm.source()), true, algorithm, ram);
  }

  /** The same algorithm in another RAM window, e.g. one given on the command line. */
  public ExportedAlgorithm withRam(RamWindow window) {
    return new ExportedAlgorithm(name, isDefault, algorithm, Optional.of(window));
  }
}
