package dev.packs.cli;

import dev.packs.cache.AtomicFiles;
import dev.packs.cache.CacheIoException;
import dev.packs.emulator.Emulator;
import dev.packs.emulator.FlashImage;
import dev.packs.emulator.FlashRegion;
import dev.packs.probe.EmulatedDeviceFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The emulated device of a target, for {@code --probe emulator[:FILE]} and, under a virtual probe,
 * {@code virtual-dap[:FILE]} and {@code virtual-stlink[:FILE]}: one builder, one file format. With a
 * file, the flash persists there between runs: the flash arrays' bytes back to back in address order
 * (for a device with one flash region, simply the flash image). A missing file is a fresh, erased
 * device; the file is written (atomically) at the end when the flash changed or the file was missing.
 * One instance builds one device.
 */
final class EmulatedDevices implements EmulatedDeviceFactory {
  private final DeviceSpec device;
  private FlashImage initial;
  private boolean existed;
  private Exception saveFailure;

  EmulatedDevices(DeviceSpec device) {
    this.device = device;
  }

  /** A fresh device; with a file that exists, its flash holds what the file kept. */
  Emulator load(Optional<Path> file) throws IOException {
    Emulator emulator = device.emulator();
    existed = file.isPresent() && Files.exists(file.get());
    if (existed) {
      load(emulator, file.get());
    }
    initial = emulator.flashImage();
    return emulator;
  }

  /** Writes the flash to the file, if there is one and the flash changed or the file was missing. */
  void save(Emulator emulator, Optional<Path> file) throws IOException, CacheIoException {
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

  /** For a virtual probe: {@link #load}, a file that cannot be read failing unchecked. */
  @Override
  public Emulator create(Optional<Path> file) {
    try {
      return load(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** For a virtual probe, which never fails on close: {@link #save}, keeping a failure for {@link #rethrowSaveFailure}. */
  @Override
  public void close(Emulator emulator, Optional<Path> file) {
    try {
      save(emulator, file);
    } catch (IOException | CacheIoException | RuntimeException e) {
      saveFailure = e;
    }
  }

  /** Throws what {@link #close} could not, once the virtual probe has closed. */
  void rethrowSaveFailure() throws IOException, CacheIoException {
    Exception failure = saveFailure;
    saveFailure = null;
    if (failure instanceof IOException io) {
      throw io;
    }
    if (failure instanceof CacheIoException cache) {
      throw cache;
    }
    if (failure instanceof RuntimeException runtime) {
      throw runtime;
    }
  }

  private void load(Emulator emulator, Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    long expected = device.flashes().stream().mapToLong(FlashRegion::size).sum();
    if (bytes.length != expected) {
      throw new IOException(String.format("%s holds 0x%X bytes, but the flash of the emulated %s is 0x%X bytes"
          + " (%s); use another file, or delete this one to start erased", file, bytes.length, device.name(),
          expected, describe()));
    }
    int offset = 0;
    for (FlashRegion flash : device.flashes()) {
      byte[] part = new byte[(int) flash.size()];
      System.arraycopy(bytes, offset, part, 0, part.length);
      emulator.loadFlash(flash.start(), part);
      offset += part.length;
    }
  }

  private String describe() {
    StringBuilder out = new StringBuilder();
    for (FlashRegion flash : device.flashes()) {
      out.append(out.length() == 0 ? "" : ", ").append(String.format("0x%08X..0x%08X", flash.start(),
          flash.start() + flash.size() - 1));
    }
    return out.toString();
  }
}
