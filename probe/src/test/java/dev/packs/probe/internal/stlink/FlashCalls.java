package dev.packs.probe.internal.stlink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packs.flm.AlgorithmPlacer;
import dev.packs.flm.FlashAlgorithm;
import dev.packs.flm.FlmLoader;
import dev.packs.flm.PlacedAlgorithm;
import dev.packs.flm.RamWindow;
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

/**
 * Calls a flash algorithm's functions on any Target the way the flash engine does: placed by
 * AlgorithmPlacer, LR on the BKPT trampoline, SP and r9 from the placement, arguments in r0-r3.
 */
final class FlashCalls {
  final FlashAlgorithm algorithm;
  final PlacedAlgorithm placed;
  private final Target target;

  FlashCalls(Target target, String flm, RamWindow ram) {
    this.target = target;
    Path file = Path.of(System.getProperty("packs.repo")).resolve(flm);
    try {
      this.algorithm = FlmLoader.load(Files.readAllBytes(file), file.getFileName().toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.placed = AlgorithmPlacer.place(algorithm, ram);
    target.write(placed.loadAddress(), placed.image().toByteArray());
  }

  /** Our own G4 algorithm (test-algorithms/stm32g4), for the 128 KiB STM32G431KB. */
  static FlashCalls stm32g4(Target target) {
    return new FlashCalls(target, "test-algorithms/stm32g4/build/packs_stm32g4_128k.flm",
        new RamWindow(0x2000_0000L, 0x8000));
  }

  int call(long entry, long... args) {
    target.writeRegister(CoreRegister.PC, (int) (entry & ~1L));
    target.writeRegister(CoreRegister.XPSR, 0x0100_0000);
    target.writeRegister(CoreRegister.SP, (int) placed.stackTop());
    target.writeRegister(CoreRegister.R9, (int) placed.staticBase());
    target.writeRegister(CoreRegister.LR, (int) (placed.loadAddress() | 1));
    for (int i = 0; i < args.length; i++) {
      target.writeRegister(CoreRegister.general(i), (int) args[i]);
    }
    Halt halt = target.run(RunLimit.time(Duration.ofSeconds(30)));
    assertThat(halt.reason()).as("stopped at 0x%08X: %s", halt.pc(), halt.fault())
        .isEqualTo(StopReason.BREAKPOINT);
    assertThat(halt.pc()).isEqualTo(placed.loadAddress());
    return target.readRegister(CoreRegister.R0);
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

  int programPage(long address, byte[] data) {
    target.write(placed.pageBuffers().get(0), data);
    return call(placed.entryPoints().programPage(), address, data.length, placed.pageBuffers().get(0));
  }

  /** Data that differs at every address and is never all erased. */
  static byte[] pattern(long address, int length) {
    byte[] data = new byte[length];
    for (int i = 0; i < length; i++) {
      long at = address + i;
      data[i] = (byte) ((at * 31 + (at >>> 8) * 7) ^ 0x5A);
    }
    return data;
  }
}
