package dev.packs.cli;

import dev.packs.cache.CacheIoException;
import dev.packs.flash.CallLimits;
import dev.packs.flash.CountingTarget;
import dev.packs.probe.ProbeTarget;
import dev.packs.probe.UsbCounters;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * A debug probe, attached over USB or virtual. Algorithm calls get wall-clock time: on a real probe
 * the FlashDevice's timeout plus a second, on a virtual one plus {@link #VIRTUAL_MARGIN}, since the
 * emulated core runs at whatever pace this machine allows.
 */
final class ProbeConnection implements Connection {
  static final Duration VIRTUAL_MARGIN = Duration.ofSeconds(10);

  private final ProbeTarget probe;
  private final CountingTarget target;
  private final String label;
  private final Optional<EmulatedDevices> devices;

  /** {@code devices} builds and saves the emulated device under a virtual probe; empty for a USB probe. */
  ProbeConnection(ProbeTarget probe, String label, Optional<EmulatedDevices> devices) {
    this.probe = probe;
    this.target = new CountingTarget(probe);
    this.label = label;
    this.devices = devices;
  }

  @Override
  public CountingTarget target() {
    return target;
  }

  @Override
  public CallLimits limits() {
    return devices.isPresent() ? new CallLimits.WallClock(VIRTUAL_MARGIN) : CallLimits.realTime();
  }

  @Override
  public String label() {
    return label;
  }

  @Override
  public Optional<UsbCounters> usb() {
    return Optional.of(probe.counters());
  }

  /** Releases the probe; a virtual probe's FILE is saved as it closes, and a failure to save is thrown here. */
  @Override
  public void close() throws IOException, CacheIoException {
    probe.close();
    if (devices.isPresent()) {
      devices.get().rethrowSaveFailure();
    }
  }
}
