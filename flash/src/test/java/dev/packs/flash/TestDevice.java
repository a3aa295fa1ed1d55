package dev.packs.flash;

import dev.packs.emulator.Core;
import dev.packs.emulator.Emulator;
import dev.packs.emulator.EmulatorBuilder;
import dev.packs.emulator.FlashModel;
import dev.packs.emulator.RamRegion;
import dev.packs.flm.AlgorithmPlacer;
import dev.packs.flm.FlashAlgorithm;
import dev.packs.flm.FlmLoader;
import dev.packs.flm.PlacedAlgorithm;
import dev.packs.flm.RamWindow;
import dev.packs.flm.SectorRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One of the repository's own algorithms on an emulated device that has the flash it programs and 32
 * KiB of RAM at 0x20000000, placed there as the engine places it.
 */
final class TestDevice {
  static final String G4 = "test-algorithms/stm32g4/build/packs_stm32g4_128k.flm";
  static final String G4_WRONG_PAGE = "test-algorithms/stm32g4/build/packs_stm32g4_128k_wrongpage.flm";
  static final String SFC = "test-algorithms/build/sfc_m4_Os.flm";
  static final String NRF52 = "test-algorithms/nrf52/build/packs_nrf52832.flm";
  static final RamWindow RAM = new RamWindow(0x2000_0000L, 0x8000);

  final FlashAlgorithm algorithm;
  final Emulator emulator;
  final PlacedAlgorithm placed;
  final FlashRegion region;

  private TestDevice(FlashAlgorithm algorithm, Emulator emulator, RamWindow ram) {
    this.algorithm = algorithm;
    this.emulator = emulator;
    this.placed = AlgorithmPlacer.place(algorithm, ram);
    this.region = FlashTarget.region("flash", algorithm.device().start(), algorithm.device().size(), algorithm);
  }

  /** The device with the flash model its FlashDevice name implies. */
  static TestDevice of(String flm) {
    FlashAlgorithm algorithm = load(flm);
    return build(algorithm, FlashModel.forDevice(algorithm.device().name()), false, Core.CORTEX_M4, RAM);
  }

  /** Without a flash model: plain memory where the controller should be (permissive) or nothing (faults). */
  static TestDevice withoutModel(String flm, boolean permissive) {
    return build(load(flm), Optional.empty(), permissive, Core.CORTEX_M4, RAM);
  }

  static TestDevice of(String flm, Core core, RamWindow ram) {
    FlashAlgorithm algorithm = load(flm);
    return build(algorithm, FlashModel.forDevice(algorithm.device().name()), false, core, ram);
  }

  private static TestDevice build(FlashAlgorithm algorithm, Optional<FlashModel> model, boolean permissive,
      Core core, RamWindow ram) {
    List<dev.packs.emulator.FlashRegion.SectorRun> runs = new ArrayList<>();
    for (SectorRun run : algorithm.sectors()) {
      runs.add(new dev.packs.emulator.FlashRegion.SectorRun(run.start() - algorithm.device().start(), run.size()));
    }
    EmulatorBuilder builder = Emulator.builder()
        .core(core)
        .ram(new RamRegion(ram.start(), ram.size()))
        .flash(new dev.packs.emulator.FlashRegion(algorithm.device().start(), algorithm.device().size(),
            algorithm.device().erasedValue(), runs))
        .device(algorithm.device().name())
        .permissive(permissive);
    model.ifPresent(builder::model);
    return new TestDevice(algorithm, builder.build(), ram);
  }

  static FlashAlgorithm load(String flm) {
    Path file = Path.of(System.getProperty("packs.repo")).resolve(flm);
    try {
      return FlmLoader.load(Files.readAllBytes(file), flm);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  AlgorithmSession session() {
    return AlgorithmSession.load(emulator, placed, CallLimits.emulator(), FlashListener.NONE);
  }

  byte[] flash(long address, int length) {
    return emulator.read(address, length);
  }
}
