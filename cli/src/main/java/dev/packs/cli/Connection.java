package dev.packs.cli;

import dev.packs.cache.CacheIoException;
import dev.packs.flash.CallLimits;
import dev.packs.target.Target;
import java.io.IOException;

/**
 * An open target: the emulator or, later, a USB probe. Closing it releases the probe or, for an
 * emulated device backed by a file, saves its flash.
 */
interface Connection extends AutoCloseable {
  /** The target, counting its operations. */
  CountingTarget target();

  /** How long algorithm calls may run on it. */
  CallLimits limits();

  /** How the probe is named in output. */
  String label();

  @Override
  void close() throws IOException, CacheIoException;
}
