package dev.packs.probe.internal.dap;

import dev.packs.probe.internal.usb.HidDeviceInfo;
import dev.packs.probe.internal.usb.UsbDeviceInfo;
import dev.packs.probe.internal.usb.UsbDeviceInfo.Endpoint;
import dev.packs.probe.internal.usb.UsbDeviceInfo.Interface;
import java.util.List;

/**
 * Descriptors as libusb and hidapi report them for real probes and for devices that are not
 * probes, written down from the probes' published descriptors (IDs, strings, interface layout).
 */
final class RecordedProbes {
  private RecordedProbes() {}

  static Endpoint bulkOut(int address, int size) {
    return new Endpoint(address, Endpoint.BULK, size);
  }

  static Endpoint bulkIn(int address, int size) {
    return new Endpoint(0x80 | address, Endpoint.BULK, size);
  }

  private static Endpoint interruptIn(int address) {
    return new Endpoint(0x80 | address, 3, 64);
  }

  /** Raspberry Pi Debug Probe: vendor interface "CMSIS-DAP v2 Interface" (full speed), then CDC. */
  static final UsbDeviceInfo PI_DEBUG_PROBE = new UsbDeviceInfo("bus 1 port 2", 0x2E8A, 0x000C,
      "Raspberry Pi", "Debug Probe (CMSIS-DAP)", "E6614103E7452D2F", List.of(
          new Interface(0, 0xFF, 0, 0, "CMSIS-DAP v2 Interface", List.of(bulkOut(4, 64), bulkIn(5, 64))),
          new Interface(1, 0x02, 2, 1, "Board CDC", List.of(interruptIn(1))),
          new Interface(2, 0x0A, 0, 0, "", List.of(bulkOut(2, 64), bulkIn(3, 64)))));

  /** DAPLink (0d28:0204): mass storage, CDC, HID CMSIS-DAP v1 and a WinUSB CMSIS-DAP v2 interface. */
  static final UsbDeviceInfo DAPLINK = new UsbDeviceInfo("bus 1 port 3", 0x0D28, 0x0204, "ARM",
      "DAPLink CMSIS-DAP", "0240000034544e45001b00028aa9001e4db1000097969900", List.of(
          new Interface(0, 0x08, 6, 0x50, "USB_MSC", List.of(bulkIn(1, 64), bulkOut(2, 64))),
          new Interface(1, 0x02, 2, 1, "mbed Serial Port", List.of(interruptIn(3))),
          new Interface(2, 0x0A, 0, 0, "mbed Serial Port", List.of(bulkOut(4, 64), bulkIn(5, 64))),
          new Interface(3, 0x03, 0, 0, "CMSIS-DAP v1", List.of(interruptIn(6), new Endpoint(7, 3, 64))),
          new Interface(4, 0xFF, 0, 0, "CMSIS-DAP v2", List.of(bulkOut(8, 64), bulkIn(9, 64)))));

  static final HidDeviceInfo DAPLINK_HID = new HidDeviceInfo("/dev/hidraw0", 0x0D28, 0x0204, "ARM",
      "DAPLink CMSIS-DAP", "0240000034544e45001b00028aa9001e4db1000097969900", 0xFF00, 3);

  /** LPC-Link2 with NXP's CMSIS-DAP firmware: HID only, two HID interfaces; the probe is usage page 0xFF00. */
  static final HidDeviceInfo LPC_LINK2_DATA = new HidDeviceInfo("/dev/hidraw2", 0x1FC9, 0x0090,
      "NXP Semiconductors", "LPC-LINK2 CMSIS-DAP V5.361", "JSAQCQIQ", 0x0001, 1);
  static final HidDeviceInfo LPC_LINK2_DAP = new HidDeviceInfo("/dev/hidraw1", 0x1FC9, 0x0090,
      "NXP Semiconductors", "LPC-LINK2 CMSIS-DAP V5.361", "JSAQCQIQ", 0xFF00, 0);

  /** Not probes: a keyboard, an FTDI serial adapter (vendor class, no CMSIS-DAP string). */
  static final HidDeviceInfo KEYBOARD = new HidDeviceInfo("/dev/hidraw3", 0x046D, 0xC31C,
      "Logitech", "USB Keyboard", "", 0x0001, 0);
  static final UsbDeviceInfo FTDI = new UsbDeviceInfo("bus 2 port 1", 0x0403, 0x6001, "FTDI",
      "FT232R USB UART", "A50285BI", List.of(
          new Interface(0, 0xFF, 0xFF, 0xFF, "FT232R USB UART", List.of(bulkIn(1, 64), bulkOut(2, 64)))));

  /** A broken firmware whose CMSIS-DAP interface lists IN before OUT: not usable as v2. */
  static final UsbDeviceInfo IN_BEFORE_OUT = new UsbDeviceInfo("bus 2 port 2", 0xC251, 0xF001,
      "Keil", "Broken CMSIS-DAP", "X1", List.of(
          new Interface(0, 0xFF, 0, 0, "CMSIS-DAP v2", List.of(bulkIn(1, 64), bulkOut(2, 64)))));
}
