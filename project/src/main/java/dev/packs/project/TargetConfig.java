package dev.packs.project;

import dev.packs.flm.RamWindow;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What {@code packs.yaml} says about one target. Every field is optional; an empty config means
 * "newest installed pack, its default algorithms".
 *
 * @param name the target name as written in the file
 * @param pack a pinned pack
 * @param algorithm one of the pack's algorithms, chosen by name (file name with or without folder
 *     and {@code .FLM})
 * @param defaultFlm a local {@code .flm} file for the target's default (boot) flash region, as
 *     written (relative paths are relative to the config file's folder)
 * @param regionFlm local {@code .flm} files for flash regions by region start address
 * @param ram the RAM window flash algorithms run in
 */
public record TargetConfig(
    String name,
    Optional<PackPin> pack,
    Optional<String> algorithm,
    Optional<String> defaultFlm,
    Map<Long, String> regionFlm,
    Optional<RamWindow> ram) {

  public TargetConfig {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("target name is empty");
    }
    Objects.requireNonNull(pack, "pack");
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(defaultFlm, "defaultFlm");
    regionFlm = Collections.unmodifiableSortedMap(new TreeMap<>(regionFlm));
    Objects.requireNonNull(ram, "ram");
  }

  /** A target with nothing configured. */
  public static TargetConfig empty(String name) {
    return new TargetConfig(
        name, Optional.empty(), Optional.empty(), Optional.empty(), Map.of(), Optional.empty());
  }

  public TargetConfig withPack(PackPin pin) {
    return new TargetConfig(name, Optional.of(pin), algorithm, defaultFlm, regionFlm, ram);
  }

  public TargetConfig withAlgorithm(String choice) {
    return new TargetConfig(name, pack, Optional.of(choice), defaultFlm, regionFlm, ram);
  }

  /** Overrides the default region's algorithm, or the region starting at {@code region}. */
  public TargetConfig withFlm(Optional<Long> region, String file) {
    if (region.isEmpty()) {
      return new TargetConfig(name, pack, algorithm, Optional.of(file), regionFlm, ram);
    }
    SortedMap<Long, String> regions = new TreeMap<>(regionFlm);
    regions.put(region.get(), file);
    return new TargetConfig(name, pack, algorithm, defaultFlm, regions, ram);
  }

  /** Forgets every algorithm choice and override; the pin and RAM window stay. */
  public TargetConfig withoutAlgorithmChoices() {
    return new TargetConfig(name, pack, Optional.empty(), Optional.empty(), Map.of(), ram);
  }
}
