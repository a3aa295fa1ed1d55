package dev.packs.project.internal.resolve;

import dev.packs.project.ProjectConfig;
import dev.packs.project.ProjectException;
import dev.packs.project.ResolvedTarget;
import dev.packs.project.TargetConfig;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The chain target → device (pin, else newest installed pack) → flash regions → algorithms, over a
 * list of installed devices. Pure apart from loading the chosen algorithm files.
 */
public final class Resolution {
  private final ProjectConfig config;
  private final List<DeviceEntry> installed;
  private final AlgorithmFiles files;

  public Resolution(ProjectConfig config, List<DeviceEntry> installed, AlgorithmFiles files) {
    this.config = config;
    this.installed = List.copyOf(installed);
    this.files = files;
  }

  public ResolvedTarget resolve(String target) {
    TargetConfig wanted = config.target(target).orElse(TargetConfig.empty(target));
    TargetMatcher.Match match = TargetMatcher.match(target, installed, wanted.pack());
    DeviceEntry device = match.device();
    wanted.algorithm().ifPresent(name -> requireAlgorithm(target, device, name));
    AlgorithmChooser chooser = new AlgorithmChooser(target, device, wanted, config.baseDir(), files);
    List<ResolvedTarget.FlashRegion> regions = FlashRegions.of(device).stream()
        .map(r -> new ResolvedTarget.FlashRegion(r.name(), r.start(), r.size(),
            r.candidates().stream().map(a -> FlashRegions.baseName(a.file())).toList(), chooser.choose(r)))
        .toList();
    List<ResolvedTarget.Memory> memories = device.memories().stream()
        .sorted(Comparator.comparingLong(DeviceEntry.MemorySpec::start))
        .map(m -> new ResolvedTarget.Memory(m.name(), m.start(), m.size(), m.access(), m.isDefault(), m.startup()))
        .toList();
    return new ResolvedTarget(target, device.name(), device.processor(), device.pack(), match.packWhy(),
        memories, regions);
  }

  private static void requireAlgorithm(String target, DeviceEntry device, String name) {
    if (device.algorithms().stream().noneMatch(a -> AlgorithmChooser.matchesName(a, name))) {
      String known = device.algorithms().stream().map(a -> FlashRegions.baseName(a.file())).distinct()
          .sorted().collect(Collectors.joining(", "));
      throw new ProjectException.AlgorithmNotFound("target " + target + ": pack " + device.pack()
          + " has no algorithm named '" + name + "' for " + device.name() + "; it has: "
          + (known.isEmpty() ? "none" : known));
    }
  }
}
