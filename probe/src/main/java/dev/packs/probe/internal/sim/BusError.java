package dev.packs.probe.internal.sim;

/** A simulated AHB access that the bus refused; the AP turns it into a sticky error. */
final class BusError extends Exception {
  private static final long serialVersionUID = 1L;

  BusError(long address) {
    super(String.format("bus error at 0x%08X", address), null, false, false);
  }
}
