package dev.packs.cli;

import dev.packs.cache.AtomicFiles;
import dev.packs.cache.CacheIoException;
import dev.packs.emulator.Emulator;
import dev.packs.emulator.FlashImage;
import dev.packs.emulator.FlashRegion;
import dev.packs.flash.CallLimits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * An emulated device. With a file, its flash persists there between runs: the flash arrays' bytes back
 * to back in address order (for a device with one flash region, simply the flash image). A missing file
 * is a fresh, erased device; the file is written (atomically) when the connection closes.
 */
final class EmulatorConnection implements Connection {
  private final DeviceSpec device;
  private final Emulator emulator;
  private final CountingTarget target;
  private final Optional<Path> file;
  private final String label;
  private final FlashImage initial;
  private final boolean existed;

  private EmulatorConnection(DeviceSpec device, Emulator emulator, Optional<Path> file, String label,
      boolean existed) {
    this.device = device;
    this.emulator = emulator;
    this.target = new CountingTarget(emulator);
    this.file = file;
    this.label = label;
    this.initial = emulator.flashImage();
    this.existed = existed;
  }

  static EmulatorConnection open(DeviceSpec device, Optional<Path> file, String label) throws IOException {
    Emulator emulator = device.emulator();
    boolean existed = file.isPresent() && Files.exists(file.get());
    if (existed) {
      load(emulator, device, file.get());
    }
    return new EmulatorConnection(device, emulator, file, label, existed);
  }

  private static void load(Emulator emulator, DeviceSpec device, Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    long expected = device.flashes().stream().mapToLong(FlashRegion::size).sum();
    if (bytes.length != expected) {
      throw new IOException(String.format("%s holds 0x%X bytes, but the flash of the emulated %s is 0x%X bytes"
          + " (%s); use another file, or delete this one to start erased", file, bytes.length, device.name(),
          expected, describe(device)));
    }
    int offset = 0;
    for (FlashRegion flash : device.flashes()) {
      byte[] part = new byte[(int) flash.size()];
      System.arraycopy(bytes, offset, part, 0, part.length);
      emulator.loadFlash(flash.start(), part);
      offset += part.length;
    }
  }

  private static String describe(DeviceSpec device) {
    StringBuilder out = new StringBuilder();
    for (FlashRegion flash : device.flashes()) {
      out.append(out.length() == 0 ? "" : ", ").append(String.format("0x%08X..0x%08X", flash.start(),
          flash.start() + flash.size() - 1));
    }
    return out.toString();
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
    if (file.isEmpty()) {
      return;
    }
    boolean changed = device.flashes().stream().anyMatch(f -> !emulator.changedPages(initial, f.size()).isEmpty());
    if (existed && !changed) {
      return;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (FlashRegion flash : device.flashes()) {
      out.write(emulator.read(flash.start(), (int) flash.size()));
    }
    AtomicFiles.writeBytes(file.get(), out.toByteArray());
  }
}
