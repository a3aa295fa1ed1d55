package dev.packs.probe;

/** What the probe layer reports while it discovers and drives probes. Every method is a no-op by default. */
public interface ProbeListener {
  /** Something the user may want to know but that did not stop the work: libusb could not start, a device could not be opened. */
  default void warning(String message) {}
}
