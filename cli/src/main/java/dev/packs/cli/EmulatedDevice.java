package dev.packs.cli;

import dev.packs.emulator.Core;
import dev.packs.emulator.EmulatorBuilder;
import dev.packs.emulator.FlashModel;
import dev.packs.emulator.RamRegion;
import dev.packs.flm.FlashAlgorithm;
import dev.packs.flm.RamWindow;
import dev.packs.index.Device;
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
    return new EmulatedDevice(device.name(), rams, placement(device, algorithm, rams), core,
        FlashModel.forDevice(device.name()));
  }

  /** Where the flash engine puts the algorithm: the pack's RAMstart for it, else the default RAM. */
  private static RamWindow placement(Device device, FlashAlgorithm algorithm, List<RamRegion> rams) {
    String file = fileName(algorithm.source());
    for (Device.Algorithm a : device.algorithms()) {
      if (fileName(a.path()).equals(file) && a.ramStart().isPresent()) {
        long start = a.ramStart().get();
        RamRegion holder = rams.stream()
            .filter(r -> start >= r.start() && start < r.start() + r.size()).findFirst()
            .orElseThrow(() -> new IllegalArgumentException(String.format(
                "the pack places %s at RAMstart 0x%08X, outside the device's RAM", file, start)));
        long size = a.ramSize().orElse(holder.start() + holder.size() - start);
        return new RamWindow(start, Math.min(size, holder.start() + holder.size() - start));
      }
    }
    Device.Memory ram = device.memories().stream()
        .filter(m -> m.isDefault() && m.access().indexOf('w') >= 0).findFirst()
        .or(() -> device.memories().stream()
            .filter(m -> m.access().indexOf('w') >= 0 && m.access().indexOf('x') >= 0).findFirst())
        .or(() -> device.memories().stream().filter(m -> m.access().indexOf('w') >= 0).findFirst())
        .orElse(null);
    return ram == null
        ? new RamWindow(EmulatorBuilder.FALLBACK_RAM.start(), EmulatorBuilder.FALLBACK_RAM.size())
        : new RamWindow(ram.start(), ram.size());
  }

  private static String fileName(String path) {
    String name = Path.of(path.replace('\\', '/')).getFileName().toString();
    return name.toLowerCase(Locale.ROOT);
  }
}
