package dev.packs.probe;

import dev.packs.emulator.Emulator;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Builds the emulated device behind a virtual probe ({@code virtual-dap[:FILE]},
 * {@code virtual-stlink[:FILE]}): the caller knows the target device (core, RAM, flash, controller
 * model) and what {@code FILE} means, as for {@code --probe emulator:FILE}.
 */
public interface EmulatedDeviceFactory {
  /** A factory for callers with no target device; opening a virtual probe through it fails. */
  EmulatedDeviceFactory NONE = file -> {
    throw new IllegalArgumentException("a virtual probe needs a target device to emulate");
  };

  /** The emulated device, halted; with {@code file}, its flash holds what the file kept. */
  Emulator create(Optional<Path> file);

  /** Called once when the virtual probe closes, for example to save the flash to {@code file}. */
  default void close(Emulator emulator, Optional<Path> file) {}
}
