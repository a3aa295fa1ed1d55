package dev.packs.probe.internal.usb;

import java.util.List;
import java.util.Objects;

/**
 * A USB device as its descriptors describe it: IDs, strings (empty when they could not be read),
 * and the interfaces of its active configuration. {@code location} names it on the bus
 * ("bus 1 port 2.3") and is how it is found again to open it.
 */
public record UsbDeviceInfo(String location, int vendorId, int productId, String manufacturer,
    String product, String serial, List<Interface> interfaces) {
  public UsbDeviceInfo {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(manufacturer, "manufacturer");
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(serial, "serial");
    interfaces = List.copyOf(interfaces);
  }

  /** One interface (its first alternate setting), with its string and endpoints in order. */
  public record Interface(int number, int interfaceClass, int subClass, int protocol, String name,
      List<Endpoint> endpoints) {
    public Interface {
      Objects.requireNonNull(name, "name");
      endpoints = List.copyOf(endpoints);
    }
  }

  /** An endpoint: its address (bit 7 set for IN), transfer type and largest packet. */
  public record Endpoint(int address, int attributes, int maxPacketSize) {
    public static final int BULK = 2;

    public boolean in() {
      return (address & 0x80) != 0;
    }

    public boolean bulk() {
      return (attributes & 3) == BULK;
    }
  }

  /** "0d28:0204" */
  public String ids() {
    return String.format("%04x:%04x", vendorId, productId);
  }
}
