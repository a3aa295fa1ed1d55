package dev.packs.probe.internal.stlink;

import java.io.IOException;

/**
 * A failure at the USB boundary (libusb error, stall, timeout). The ST-Link transport turns it into a
 * {@code ProbeException} that names the command it was carrying.
 */
final class UsbIoException extends IOException {
  private static final long serialVersionUID = 1L;

  private final boolean timedOut;

  UsbIoException(String message, boolean timedOut) {
    super(message);
    this.timedOut = timedOut;
  }

  UsbIoException(String message) {
    this(message, false);
  }

  boolean timedOut() {
    return timedOut;
  }
}
