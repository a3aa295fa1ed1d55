package dev.packs.probe.internal.stlink;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** Parses the standard USB descriptors the discovery needs, from their raw bytes. */
final class UsbDescriptors {
  private UsbDescriptors() {}

  /** The fields of a device descriptor that identify a probe. */
  record Device(int vendorId, int productId, int bcdDevice, int manufacturerIndex, int productIndex,
      int serialIndex) {}

  /** One interface (alternate setting 0) with its endpoint addresses, in descriptor order. */
  record Interface(int number, int interfaceClass, List<Integer> endpoints) {
    Interface {
      endpoints = List.copyOf(endpoints);
    }
  }

  static Device device(byte[] d) throws UsbIoException {
    if (d.length < 18 || (d[0] & 0xFF) < 18 || d[1] != 1) {
      throw new UsbIoException("not a USB device descriptor (" + d.length + " bytes)");
    }
    return new Device(u16(d, 8), u16(d, 10), u16(d, 12), d[14] & 0xFF, d[15] & 0xFF, d[16] & 0xFF);
  }

  /** The interfaces of a configuration descriptor (with everything that follows it). */
  static List<Interface> interfaces(byte[] c) throws UsbIoException {
    if (c.length < 9 || c[1] != UsbBus.CONFIGURATION) {
      throw new UsbIoException("not a USB configuration descriptor (" + c.length + " bytes)");
    }
    int total = Math.min(u16(c, 2), c.length);
    List<Interface> interfaces = new ArrayList<>();
    int number = -1;
    int cls = 0;
    List<Integer> endpoints = new ArrayList<>();
    for (int at = 0; at + 2 <= total; ) {
      int length = c[at] & 0xFF;
      if (length < 2 || at + length > total) {
        throw new UsbIoException("configuration descriptor broken at byte " + at);
      }
      int type = c[at + 1];
      if (type == 4 && length >= 9) {
        if (number >= 0) {
          interfaces.add(new Interface(number, cls, endpoints));
        }
        boolean primary = c[at + 3] == 0;
        number = primary ? c[at + 2] & 0xFF : -1;
        cls = c[at + 5] & 0xFF;
        endpoints = new ArrayList<>();
      } else if (type == 5 && length >= 7 && number >= 0) {
        endpoints.add(c[at + 2] & 0xFF);
      }
      at += length;
    }
    if (number >= 0) {
      interfaces.add(new Interface(number, cls, endpoints));
    }
    return interfaces;
  }

  /** The first language a device lists in string descriptor 0, or US English. */
  static int language(byte[] zero) {
    return zero.length >= 4 && zero[1] == UsbBus.STRING ? u16(zero, 2) : 0x0409;
  }

  /** The text of a string descriptor. */
  static String string(byte[] s) throws UsbIoException {
    if (s.length < 2 || s[1] != UsbBus.STRING) {
      throw new UsbIoException("not a USB string descriptor (" + s.length + " bytes)");
    }
    int length = Math.min(s[0] & 0xFF, s.length) & ~1;
    return new String(s, 2, Math.max(0, length - 2), StandardCharsets.UTF_16LE);
  }

  /**
   * A serial number as users type it: printable ones as they are; the binary ones old ST-Link/V2
   * firmware reports (each UTF-16 unit holding one byte) as upper-case hex, as OpenOCD and pyOCD show them.
   */
  static String serial(String raw) {
    boolean printable = !raw.isEmpty() && raw.chars().allMatch(ch -> ch >= 0x20 && ch < 0x7F);
    if (printable) {
      return raw;
    }
    byte[] bytes = new byte[raw.length()];
    for (int i = 0; i < raw.length(); i++) {
      bytes[i] = (byte) raw.charAt(i);
    }
    return HexFormat.of().withUpperCase().formatHex(bytes);
  }

  /** The interface that carries exactly these endpoints among others, if any. */
  static Optional<Interface> carrying(List<Interface> interfaces, int out, int in) {
    return interfaces.stream()
        .filter(i -> i.endpoints().contains(out) && i.endpoints().contains(in))
        .findFirst();
  }

  private static int u16(byte[] b, int at) {
    return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
  }
}
