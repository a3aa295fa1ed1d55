package dev.packs.probe.internal.stlink;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * An attached ST-Link as {@code packs probes} lists it: serial number (empty when the device could
 * not be opened), product, USB IDs and where it sits, and, when the probe could be asked (it is not
 * in use by another program), its firmware version and the target voltage it measures.
 * {@code problem} says why the serial or the firmware is unknown.
 */
public record StLinkInfo(Optional<String> serial, String product, int vendorId, int productId,
    String location, Optional<StLinkVersion> firmware, OptionalDouble targetVolts,
    Optional<String> problem) {
  public StLinkInfo {
    Objects.requireNonNull(serial, "serial");
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(firmware, "firmware");
    Objects.requireNonNull(targetVolts, "targetVolts");
    Objects.requireNonNull(problem, "problem");
  }

  /** {@code 0483:374E}. */
  public String usbId() {
    return String.format("%04X:%04X", vendorId, productId);
  }
}
