package dev.packs.project.internal.resolve;

import dev.packs.flm.RamWindow;
import dev.packs.flm.FlashAlgorithm;
import dev.packs.flm.FlashDevice;
import dev.packs.project.AlgorithmRam;
import dev.packs.project.ProjectException;
import dev.packs.project.ResolvedTarget;
import dev.packs.project.ResolvedTarget.Algorithm;
import dev.packs.project.ResolvedTarget.Origin;
import dev.packs.project.ResolvedTarget.Reason;
import dev.packs.project.TargetConfig;
import dev.packs.project.internal.resolve.DeviceEntry.AlgorithmSpec;
import dev.packs.project.internal.resolve.FlashRegions.Region;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Chooses one algorithm for one flash region, in this order: a local override for the region (or
 * for the boot region), the algorithm named in {@code packs.yaml}, the pack's default, the only
 * candidate. Two defaults, or several candidates and no default, is an error listing them.
 */
final class AlgorithmChooser {
  private final String target;
  private final DeviceEntry device;
  private final TargetConfig config;
  private final Optional<Path> baseDir;
  private final AlgorithmFiles files;

  AlgorithmChooser(String target, DeviceEntry device, TargetConfig config, Optional<Path> baseDir, AlgorithmFiles files) {
    this.target = target;
    this.device = device;
    this.config = config;
    this.baseDir = baseDir;
    this.files = files;
  }

  Optional<Algorithm> choose(Region region) {
    Optional<String> override = Optional.ofNullable(config.regionFlm().get(region.start()))
        .or(() -> region.boot() ? config.defaultFlm() : Optional.empty());
    if (override.isPresent()) {
      return Optional.of(local(region, override.get()));
    }
    Optional<AlgorithmSpec> named = config.algorithm()
        .flatMap(n -> region.candidates().stream().filter(a -> matchesName(a, n)).findFirst());
    if (named.isPresent()) {
      return Optional.of(fromPack(named.get(), region, Reason.USER_CHOICE,
          "named by 'algorithm: " + config.algorithm().get() + "' in packs.yaml"));
    }
    List<AlgorithmSpec> defaults = region.candidates().stream().filter(AlgorithmSpec::isDefault).toList();
    if (region.extra() && defaults.isEmpty()) {
      return Optional.empty(); // optional extras (board flash, option bytes) are used only when chosen
    }
    List<AlgorithmSpec> pool = defaults.isEmpty() ? region.candidates() : defaults;
    if (pool.isEmpty()) {
      return Optional.empty();
    }
    if (pool.size() > 1) {
      throw new ProjectException.AmbiguousAlgorithm(
          target, region.start(), pool.stream().map(a -> FlashRegions.baseName(a.file())).toList());
    }
    Reason reason = config.pack().isPresent() ? Reason.PINNED_PACK : Reason.PACK_DEFAULT;
    String why = defaults.isEmpty() ? "the only algorithm " : "the default algorithm ";
    why += device.pack() + " lists for this region";
    if (reason == Reason.PINNED_PACK) {
      why += ", pack pinned in packs.yaml";
    }
    return Optional.of(fromPack(pool.get(0), region, reason, why));
  }

  /** True when {@code name} is the algorithm's path, file name, or file name without extension. */
  static boolean matchesName(AlgorithmSpec a, String name) {
    String file = a.file().replace('\\', '/').toLowerCase(Locale.ROOT);
    String base = FlashRegions.baseName(file);
    String wanted = name.replace('\\', '/').toLowerCase(Locale.ROOT);
    int dot = base.lastIndexOf('.');
    return file.equals(wanted) || base.equals(wanted) || (dot > 0 && base.substring(0, dot).equals(wanted));
  }

  private Algorithm fromPack(AlgorithmSpec a, Region region, Reason reason, String why) {
    Path path = device.packDir().resolve(a.file().replace('\\', '/')).normalize();
    FlashAlgorithm flm = files.load(path).orElseThrow(() -> new ProjectException.AlgorithmNotFound(
        "pack " + device.pack() + " lists algorithm " + a.file() + " for " + device.name()
            + ", but " + path + " does not exist"));
    Optional<RamWindow> ram = config.ram().or(() -> AlgorithmRam.choose(memories(), a.ramStart(), a.ramSize()));
    return new Algorithm(Origin.PACK, a.file(), path, a.start(), a.size(), ram, flm.sha256(), flm.device(), reason,
        why);
  }

  private Algorithm local(Region region, String written) {
    Path path = baseDir.map(d -> d.resolve(written)).orElse(Path.of(written)).toAbsolutePath().normalize();
    FlashAlgorithm flm = files.load(path).orElseThrow(() -> new ProjectException.AlgorithmNotFound(
        "target " + target + ": local override " + written + " (" + path + ") does not exist"));
    FlashDevice d = flm.device();
    if (d.start() > region.start() || d.end() < region.start() + region.size()) {
      throw new ProjectException.OverrideMismatch(String.format(
          "target %s: local override %s programs 0x%08X..0x%08X, which does not cover the flash region"
              + " 0x%08X..0x%08X; give the region it is for with --region",
          target, written, d.start(), d.end() - 1, region.start(), region.start() + region.size() - 1));
    }
    String why = "'flm: " + written + "' in packs.yaml overrides the pack for this region";
    Optional<RamWindow> ram = config.ram().or(() -> AlgorithmRam.choose(memories(), Optional.empty(), Optional.empty()));
    return new Algorithm(Origin.LOCAL, written, path, d.start(), d.size(), ram, flm.sha256(), d,
        Reason.LOCAL_OVERRIDE, why);
  }

  private List<ResolvedTarget.Memory> memories() {
    return device.memories().stream()
        .map(m -> new ResolvedTarget.Memory(m.name(), m.start(), m.size(), m.access(), m.isDefault(), m.startup()))
        .toList();
  }
}
