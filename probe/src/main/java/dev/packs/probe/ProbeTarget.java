package dev.packs.probe;

import dev.packs.target.Target;

/**
 * A Cortex-M core reached through a debug probe. Memory and register writes may be posted: a failure
 * is then reported by the next call that waits for the probe (a read, {@link #run}), naming the
 * address that failed. Not thread-safe, except that {@link #halt()} may be called while
 * {@link #run} runs on another thread.
 */
public interface ProbeTarget extends Target, AutoCloseable {
  /** The probe this target is reached through. */
  ProbeInfo info();

  /** The USB traffic of this connection so far. */
  UsbCounters counters();

  /** Resets the whole chip (AIRCR.SYSRESETREQ) and halts the core on its first instruction. */
  void resetAndHalt();

  /** Resets the whole chip and lets it run, as after flashing. */
  void resetAndRun();

  /** Ends the debug session and releases the probe; the core stays as it is. Never throws. */
  @Override
  void close();
}
