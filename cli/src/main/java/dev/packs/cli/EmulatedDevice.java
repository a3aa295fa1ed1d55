package dev.packs.cli;

import dev.packs.emulator.Core;
import dev.packs.emulator.EmulatorBuilder;
import dev.packs.emulator.FlashModel;
import dev.packs.emulator.RamRegion;
import dev.packs.flm.FlashAlgorithm;
import dev.packs.flm.RamWindow;
import dev.packs.index.Device;
import dev.packs.project.AlgorithmRam;
import dev.packs.project.ResolvedTarget;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What {@code packs emulate} takes from a device of a pack: its RAM regions, the RAM the algorithm
 * is placed in (the pack's RAMstart/RAMsize for this algorithm, else the default RAM), its core and
 * its flash-controller model.
 */
record EmulatedDevice(String name, List<RamRegion> rams, RamWindow placement, Core core,
    Optional<FlashModel> model) {
  EmulatedDevice {
    rams = List.copyOf(rams);
  }

  static EmulatedDevice of(Device device, FlashAlgorithm algorithm) {
    List<RamRegion> rams = new ArrayList<>();
    for (Device.Memory m : device.memories()) {
      boolean writable = m.access().indexOf('w') >= 0;
      boolean overlaps = rams.stream().anyMatch(r -> m.start() < r.start() + r.size()
          && r.start() < m.start() + m.size())
          || (m.start() < algorithm.device().end() && algorithm.device().start() < m.start() + m.size());
      if (writable && m.size() > 0 && !overlaps) {
        rams.add(new RamRegion(m.start(), m.size()));
      }
    }
    if (rams.isEmpty()) {
      rams.add(EmulatorBuilder.FALLBACK_RAM);
    }
    Core core = device.processors().stream().findFirst()
        .flatMap(p -> Core.fromPdsc(p.core())).orElse(Core.CORTEX_M4);
    return new EmulatedDevice(device.name(), rams, placement(device, algorithm), core,
        FlashModel.forDevice(device.name()));
  }

  /**
   * Where the flash engine puts the algorithm: the pack's RAMstart/RAMsize for it, else the default
   * RAM, by the one rule target resolution uses ({@link AlgorithmRam}).
   */
  private static RamWindow placement(Device device, FlashAlgorithm algorithm) {
    String file = fileName(algorithm.source());
    Optional<Device.Algorithm> listed = device.algorithms().stream()
        .filter(a -> fileName(a.path()).equals(file)).findFirst();
    List<ResolvedTarget.Memory> memories = device.memories().stream()
        .map(m -> new ResolvedTarget.Memory(m.name(), m.start(), m.size(), m.access(), m.isDefault(), m.startup()))
        .toList();
    return AlgorithmRam.choose(memories, listed.flatMap(Device.Algorithm::ramStart),
            listed.flatMap(Device.Algorithm::ramSize))
        .orElseGet(() -> new RamWindow(EmulatorBuilder.FALLBACK_RAM.start(), EmulatorBuilder.FALLBACK_RAM.size()));
  }

  private static String fileName(String path) {
    String name = Path.of(path.replace('\\', '/')).getFileName().toString();
    return name.toLowerCase(Locale.ROOT);
  }
}
