package dev.packs.probe.internal.dap;

import dev.packs.emulator.Core;
import dev.packs.emulator.Emulator;
import dev.packs.emulator.FlashModel;
import dev.packs.emulator.FlashRegion;
import dev.packs.emulator.RamRegion;
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
import dev.packs.target.Target;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Calls one of the repository's own flash algorithms through any {@link Target}, with the flash
 * engine's calling convention: placed by AlgorithmPlacer, R0-R3 arguments, R9 static base, SP the
 * stack top, LR the BKPT trampoline, PC the entry and the xPSR Thumb bit; run; read R0.
 */
public final class AlgorithmCalls {
  static final long RAM = 0x2000_0000L;
  static final int RAM_SIZE = 0x8000;

  public final FlashAlgorithm algorithm;
  public final PlacedAlgorithm placed;
  final Target target;
  int calls;

  AlgorithmCalls(FlashAlgorithm algorithm, Target target) {
    this.algorithm = algorithm;
    this.placed = AlgorithmPlacer.place(algorithm, new RamWindow(RAM, RAM_SIZE));
    this.target = target;
    target.write(placed.loadAddress(), placed.image().toByteArray());
  }

  /** Our own G4 algorithm (test-algorithms/stm32g4), for the 128 KiB STM32G431KB, loaded into {@code target}. */
  public static AlgorithmCalls stm32g4(Target target) {
    return new AlgorithmCalls(load("test-algorithms/stm32g4/build/packs_stm32g4_128k.flm"), target);
  }

  static Path repoFile(String relative) {
    return Path.of(System.getProperty("packs.repo", ".")).resolve(relative);
  }

  static FlashAlgorithm load(String relative) {
    Path flm = repoFile(relative);
    try {
      return FlmLoader.load(Files.readAllBytes(flm), flm.getFileName().toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The emulated chip the algorithm was written for: its flash, the controller model, 32 KiB RAM. */
  static Emulator device(FlashAlgorithm algorithm, FlashModel model) {
    List<FlashRegion.SectorRun> runs = new ArrayList<>();
    for (SectorRun run : algorithm.sectors()) {
      runs.add(new FlashRegion.SectorRun(run.start() - algorithm.device().start(), run.size()));
    }
    return Emulator.builder()
        .core(Core.CORTEX_M4)
        .ram(new RamRegion(RAM, RAM_SIZE))
        .flash(new FlashRegion(algorithm.device().start(), algorithm.device().size(),
            algorithm.device().erasedValue(), runs))
        .model(model)
        .device(algorithm.device().name())
        .build();
  }

  /** Calls the function at {@code entry} and returns R0; fails unless it returned to the trampoline. */
  public int call(long entry, long... args) {
    target.writeRegister(CoreRegister.PC, (int) (entry & ~1L));
    target.writeRegister(CoreRegister.XPSR, 0x0100_0000);
    target.writeRegister(CoreRegister.SP, (int) placed.stackTop());
    target.writeRegister(CoreRegister.R9, (int) placed.staticBase());
    target.writeRegister(CoreRegister.LR, (int) (placed.loadAddress() | 1));
    for (int i = 0; i < args.length; i++) {
      target.writeRegister(CoreRegister.general(i), (int) args[i]);
    }
    Halt halt = target.run(RunLimit.of(50_000_000, Duration.ofSeconds(30)));
    calls++;
    if (halt.reason() != StopReason.BREAKPOINT || halt.pc() != placed.loadAddress()) {
      throw new IllegalStateException(String.format("%s stopped with %s at 0x%08X: %s",
          algorithm.source(), halt.reason(), halt.pc(), halt.fault()));
    }
    return target.readRegister(CoreRegister.R0);
  }

  public int init(int operation) {
    return call(placed.entryPoints().init(), algorithm.device().start(), 0, operation);
  }

  public int unInit(int operation) {
    return call(placed.entryPoints().unInit(), operation);
  }

  public int eraseSector(long address) {
    return call(placed.entryPoints().eraseSector(), address);
  }

  /** Writes {@code data} into the first page buffer and programs it at {@code address}. */
  public int programPage(long address, byte[] data) {
    long buffer = placed.pageBuffers().get(0);
    target.write(buffer, data);
    return call(placed.entryPoints().programPage(), address, data.length, buffer);
  }

  /** A page of data that differs at every address and is never all erased. */
  public static byte[] pattern(long address, int length) {
    byte[] data = new byte[length];
    for (int i = 0; i < length; i++) {
      long at = address + i;
      data[i] = (byte) ((at * 31 + (at >>> 8) * 7) ^ 0x5A);
    }
    return data;
  }
}
