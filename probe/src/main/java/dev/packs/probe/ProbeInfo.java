package dev.packs.probe;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One attached debug probe as discovery sees it, before it is opened.
 *
 * @param kind the family, as {@code --probe} spells it: {@code cmsis-dap}, {@code stlink}, or a virtual
 *     kind such as {@code virtual-dap}
 * @param vendor the USB vendor string (or the probe's own vendor name), empty when it has none
 * @param product the USB product string, empty when it has none
 * @param serial the serial number that {@code --probe KIND:SERIAL} selects, empty when it has none
 * @param version the firmware or protocol version the probe reports, empty when unknown
 * @param protocol how the host talks to it: {@code v1} (CMSIS-DAP over HID), {@code v2} (CMSIS-DAP over
 *     bulk), {@code V2}/{@code V2-1}/{@code V3} for ST-Link, {@code virtual}
 * @param vendorId the USB vendor ID, 0 for a virtual probe
 * @param productId the USB product ID, 0 for a virtual probe
 * @param targetVoltage the target voltage in volts, when the probe measures it
 */
public record ProbeInfo(String kind, String vendor, String product, String serial, String version,
    String protocol, int vendorId, int productId, OptionalDouble targetVoltage) {
  public ProbeInfo {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(vendor, "vendor");
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(serial, "serial");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(targetVoltage, "targetVoltage");
    if (kind.isEmpty()) {
      throw new IllegalArgumentException("a probe needs a kind");
    }
    if ((vendorId & ~0xFFFF) != 0 || (productId & ~0xFFFF) != 0) {
      throw new IllegalArgumentException(
          String.format("USB IDs are 16-bit: %04X:%04X", vendorId, productId));
    }
  }

  /** How {@code --probe} names this probe: {@code KIND:SERIAL}, or the kind alone without a serial. */
  public String spec() {
    return serial.isEmpty() ? kind : kind + ":" + serial;
  }
}
