package dev.packs.cli;

import dev.packs.emulator.Core;
import dev.packs.emulator.Emulator;
import dev.packs.emulator.EmulatorBuilder;
import dev.packs.emulator.EmulatorListener;
import dev.packs.emulator.FlashModel;
import dev.packs.emulator.FlashRegion;
import dev.packs.emulator.RamRegion;
import dev.packs.flash.FlashTarget;
import dev.packs.flash.Sector;
import dev.packs.flm.FlashAlgorithm;
import dev.packs.flm.SectorRun;
import dev.packs.project.ResolvedTarget;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a target connection needs to know about the device: its name and, for the emulator, its RAM,
 * its flash arrays with their sectors, the flash-controller model and the core. The model comes from
 * the name of the boot region's FlashDevice when a model knows it (so our SFC test algorithms run on
 * the SFC even inside a real device's map), else from the device name. The core is a Cortex-M4, whose
 * instruction set runs ARMv6-M and ARMv7-M algorithms alike.
 */
record DeviceSpec(String name, List<RamRegion> rams, List<FlashRegion> flashes, Optional<FlashModel> model,
    Core core) {
  DeviceSpec {
    Objects.requireNonNull(name, "name");
    rams = List.copyOf(rams);
    flashes = List.copyOf(flashes);
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(core, "core");
  }

  /** The device of a resolved target: its writable memories as RAM, each flash region as a flash array. */
  static DeviceSpec of(FlashTarget target) {
    ResolvedTarget resolved = target.resolved();
    List<ResolvedTarget.FlashRegion> regions = resolved.flashRegions().stream()
        .sorted(Comparator.comparingLong(ResolvedTarget.FlashRegion::start)).toList();
    List<FlashRegion> flashes = new ArrayList<>();
    for (ResolvedTarget.FlashRegion region : regions) {
      Optional<FlashTarget.RegionAlgorithm> algorithm = target.programmable().stream()
          .filter(r -> r.region().start() == region.start() && r.region().size() == region.size()).findFirst();
      flashes.add(algorithm.map(DeviceSpec::array)
          .orElseGet(() -> FlashRegion.uniform(region.start(), region.size(), 0xFF, region.size())));
    }
    List<RamRegion> rams = resolved.memories().stream()
        .filter(m -> m.access().contains("w") && m.size() > 0)
        .filter(m -> flashes.stream().noneMatch(f -> m.start() < f.start() + f.size() && f.start() < m.start() + m.size()))
        .map(m -> new RamRegion(m.start(), m.size()))
        .toList();
    Optional<FlashModel> model = target.programmable().stream().findFirst()
        .flatMap(r -> FlashModel.forDevice(r.algorithm().device().name()))
        .or(() -> FlashModel.forDevice(resolved.device()));
    return new DeviceSpec(resolved.device(), rams, flashes, model, Core.CORTEX_M4);
  }

  /** A device for one algorithm file: its FlashDevice's flash, and the RAM and core of {@code device}. */
  static DeviceSpec of(EmulatedDevice device, FlashAlgorithm algorithm) {
    Optional<FlashModel> model = FlashModel.forDevice(algorithm.device().name()).or(device::model);
    return new DeviceSpec(device.name(), device.rams(), List.of(array(algorithm)), model, device.core());
  }

  /** The flash array of a region, its sectors as runs of equal size. */
  private static FlashRegion array(FlashTarget.RegionAlgorithm entry) {
    dev.packs.flash.FlashRegion region = entry.region();
    List<FlashRegion.SectorRun> runs = new ArrayList<>();
    long lastSize = -1;
    for (Sector sector : region.sectors()) {
      if (sector.size() != lastSize) {
        runs.add(new FlashRegion.SectorRun(sector.start() - region.start(), sector.size()));
        lastSize = sector.size();
      }
    }
    if (runs.isEmpty() || runs.get(0).offset() != 0) {
      return FlashRegion.uniform(region.start(), region.size(), region.erasedValue(), region.size());
    }
    return new FlashRegion(region.start(), region.size(), region.erasedValue(), runs);
  }

  private static FlashRegion array(FlashAlgorithm algorithm) {
    List<FlashRegion.SectorRun> runs = new ArrayList<>();
    for (SectorRun run : algorithm.sectors()) {
      runs.add(new FlashRegion.SectorRun(run.start() - algorithm.device().start(), run.size()));
    }
    return new FlashRegion(algorithm.device().start(), algorithm.device().size(), algorithm.device().erasedValue(),
        runs);
  }

  /** A fresh emulated device: RAM zeroed, flash erased. */
  Emulator emulator() {
    return emulator(new EmulatorListener() {});
  }

  /** A fresh emulated device that reports peripheral writes to {@code listener}. */
  Emulator emulator(EmulatorListener listener) {
    EmulatorBuilder builder = Emulator.builder().core(core).device(name).listener(listener);
    rams.forEach(builder::ram);
    flashes.forEach(builder::flash);
    model.ifPresent(builder::model);
    return builder.build();
  }
}
