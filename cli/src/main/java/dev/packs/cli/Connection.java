package dev.packs.cli;

import dev.packs.cache.CacheIoException;
import dev.packs.flash.CallLimits;
import dev.packs.flash.CountingTarget;
import dev.packs.probe.UsbCounters;
import java.io.IOException;
import java.util.Optional;

/**
 * An open target: the emulator, or a debug probe (USB or virtual). Closing it releases the probe
 * and, for an emulated device backed by a file, saves its flash.
 */
interface Connection extends AutoCloseable {
  /** The target, counting its operations. */
  CountingTarget target();

  /** How long algorithm calls may run on it. */
  CallLimits limits();

  /** How the probe is named in output. */
  String label();

  /** The USB traffic so far, for a probe (real or virtual); empty for the emulator. */
  default Optional<UsbCounters> usb() {
    return Optional.empty();
  }

  @Override
  void close() throws IOException, CacheIoException;
}
