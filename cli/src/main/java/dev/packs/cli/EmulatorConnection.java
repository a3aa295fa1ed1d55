package dev.packs.cli;

import dev.packs.cache.CacheIoException;
import dev.packs.emulator.Emulator;
import dev.packs.flash.CallLimits;
import dev.packs.flash.CountingTarget;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** The emulated device of {@code --probe emulator[:FILE]}; its flash persists in FILE as {@link EmulatedDevices} says. */
final class EmulatorConnection implements Connection {
  private final EmulatedDevices devices;
  private final Emulator emulator;
  private final CountingTarget target;
  private final Optional<Path> file;
  private final String label;

  private EmulatorConnection(EmulatedDevices devices, Emulator emulator, Optional<Path> file, String label) {
    this.devices = devices;
    this.emulator = emulator;
    this.target = new CountingTarget(emulator);
    this.file = file;
    this.label = label;
  }

  static EmulatorConnection open(DeviceSpec device, Optional<Path> file, String label) throws IOException {
    EmulatedDevices devices = new EmulatedDevices(device);
    return new EmulatorConnection(devices, devices.load(file), file, label);
  }

  /** The emulator itself, for what only an emulator can do (load flash directly, watch peripherals). */
  Emulator emulator() {
    return emulator;
  }

  @Override
  public CountingTarget target() {
    return target;
  }

  @Override
  public CallLimits limits() {
    return CallLimits.emulator();
  }

  @Override
  public String label() {
    return label;
  }

  @Override
  public void close() throws IOException, CacheIoException {
    devices.save(emulator, file);
  }
}
