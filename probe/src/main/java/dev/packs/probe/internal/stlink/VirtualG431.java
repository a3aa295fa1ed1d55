package dev.packs.probe.internal.stlink;

import dev.packs.emulator.Core;
import dev.packs.emulator.Emulator;
import dev.packs.emulator.FlashModel;
import dev.packs.emulator.FlashRegion;
import dev.packs.emulator.RamRegion;
import dev.packs.probe.ProbeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The chip on the virtual NUCLEO-G431KB: an emulated STM32G431KB (Cortex-M4, 128 KiB flash in 2 KiB
 * pages behind the STM32G4 flash controller, 32 KiB RAM as the pack lists it), and the file its flash
 * persists in between sessions: the raw 128 KiB image from 0x08000000.
 */
final class VirtualG431 {
  static final long FLASH = 0x0800_0000L;
  static final int FLASH_SIZE = 0x2_0000;
  static final long RAM = 0x2000_0000L;
  static final int RAM_SIZE = 0x8000;

  private VirtualG431() {}

  /** A fresh chip: RAM zeroed, flash erased. */
  static Emulator build() {
    return Emulator.builder().core(Core.CORTEX_M4).ram(new RamRegion(RAM, RAM_SIZE))
        .flash(FlashRegion.uniform(FLASH, FLASH_SIZE, 0xFF, 0x800)).model(FlashModel.STM32G4)
        .device("STM32G431KBTx").build();
  }

  static void load(Emulator chip, Path file) {
    byte[] image;
    try {
      image = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the virtual STM32G431KB's flash file " + file, e);
    }
    if (image.length != FLASH_SIZE) {
      throw new ProbeException.Unsupported(String.format("%s holds %d bytes, not the %d-byte flash"
          + " image of the virtual STM32G431KB", file, image.length, FLASH_SIZE));
    }
    chip.loadFlash(FLASH, image);
  }

  /** Writes the flash to {@code file} through {@code file.part} and an atomic move. */
  static void save(Emulator chip, Path file) {
    Path part = file.resolveSibling(file.getFileName() + ".part");
    try {
      Files.write(part, chip.read(FLASH, FLASH_SIZE));
      Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the virtual STM32G431KB's flash to " + file, e);
    }
  }
}
