package dev.packs.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packs.flm.AlgorithmPlacer;
import dev.packs.flm.FlashAlgorithm;
import dev.packs.flm.FlmLoader;
import dev.packs.flm.PlacedAlgorithm;
import dev.packs.flm.RamWindow;
import dev.packs.flm.SectorRun;
import dev.packs.target.CoreRegister;
import dev.packs.target.Halt;
import dev.packs.target.RunLimit;
import dev.packs.target.StopReason;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one of the repository's own FLMs in an emulator the way the flash engine will: placed by
 * AlgorithmPlacer, LR on the trampoline, SP and r9 from the placement, arguments in r0-r3.
 */
final class AlgorithmHarness {
  static final long RAM = 0x2000_0000L;

  final FlashAlgorithm algorithm;
  final PlacedAlgorithm placed;
  final Emulator emulator;
  long instructions;

  AlgorithmHarness(Path flm, FlashModel model, Core core, long ramSize) {
    this(flm, model, core, ramSize, EmulatorBuilder.DEFAULT_BUSY_POLLS);
  }

  AlgorithmHarness(Path flm, FlashModel model, Core core, long ramSize, int busyPolls) {
    this.algorithm = load(flm);
    List<FlashRegion.SectorRun> runs = new ArrayList<>();
    for (SectorRun run : algorithm.sectors()) {
      runs.add(new FlashRegion.SectorRun(run.start() - algorithm.device().start(), run.size()));
    }
    this.emulator = Emulator.builder()
        .core(core)
        .ram(new RamRegion(RAM, ramSize))
        .flash(new FlashRegion(algorithm.device().start(), algorithm.device().size(),
            algorithm.device().erasedValue(), runs))
        .model(model)
        .device(algorithm.device().name())
        .busyPolls(busyPolls)
        .build();
    this.placed = AlgorithmPlacer.place(algorithm, new RamWindow(RAM, ramSize));
    emulator.write(placed.loadAddress(), placed.image().toByteArray());
  }

  static Path repoFile(String relative) {
    return Path.of(System.getProperty("packs.repo")).resolve(relative);
  }

  private static FlashAlgorithm load(Path flm) {
    try {
      return FlmLoader.load(Files.readAllBytes(flm), flm.getFileName().toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Calls a function and returns r0, failing the test unless it returned through the BKPT. */
  int call(long entry, long... args) {
    Halt halt = startLimited(50_000_000, entry, args);
    assertThat(halt.reason()).as("%s stopped at 0x%08X: %s", algorithm.source(), halt.pc(),
        halt.fault()).isEqualTo(StopReason.BREAKPOINT);
    assertThat(halt.pc()).isEqualTo(placed.loadAddress());
    return emulator.readRegister(CoreRegister.R0);
  }

  Halt start(long entry, long... args) {
    return startLimited(50_000_000, entry, args);
  }

  Halt startLimited(long maxInstructions, long entry, long... args) {
    emulator.writeRegister(CoreRegister.PC, (int) (entry & ~1L));
    emulator.writeRegister(CoreRegister.XPSR, 0x0100_0000);
    emulator.writeRegister(CoreRegister.SP, (int) placed.stackTop());
    emulator.writeRegister(CoreRegister.R9, (int) placed.staticBase());
    emulator.writeRegister(CoreRegister.LR, (int) (placed.loadAddress() | 1));
    for (int i = 0; i < args.length; i++) {
      emulator.writeRegister(CoreRegister.general(i), (int) args[i]);
    }
    Halt halt = emulator.run(RunLimit.of(maxInstructions, Duration.ofSeconds(30)));
    instructions += halt.instructions();
    return halt;
  }

  int init(int operation) {
    return call(placed.entryPoints().init(), algorithm.device().start(), 0, operation);
  }

  int unInit(int operation) {
    return call(placed.entryPoints().unInit(), operation);
  }

  int eraseSector(long address) {
    return call(placed.entryPoints().eraseSector(), address);
  }

  int eraseChip() {
    return call(placed.entryPoints().eraseChip().orElseThrow());
  }

  /** Copies {@code data} into the first page buffer and programs it at {@code address}. */
  int programPage(long address, byte[] data) {
    emulator.write(placed.pageBuffers().get(0), data);
    return call(placed.entryPoints().programPage(), address, data.length,
        placed.pageBuffers().get(0));
  }

  byte[] flash(long address, int length) {
    return emulator.read(address, length);
  }

  /** A page of data that differs at every address and is never all erased. */
  static byte[] pattern(long address, int length) {
    byte[] data = new byte[length];
    for (int i = 0; i < length; i++) {
      long at = address + i;
      data[i] = (byte) ((at * 31 + (at >>> 8) * 7) ^ 0x5A);
    }
    return data;
  }
}
