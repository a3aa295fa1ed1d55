package dev.packs.probe.internal.usb;

import java.util.Objects;

/** A HID interface as hidapi lists it: path, IDs, strings, usage page and interface number. */
public record HidDeviceInfo(String path, int vendorId, int productId, String manufacturer,
    String product, String serial, int usagePage, int interfaceNumber) {
  public HidDeviceInfo {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(manufacturer, "manufacturer");
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(serial, "serial");
  }
}
