package dev.packs.probe.internal.usb;

import java.util.List;

/**
 * The thin boundary to libusb (usb4java): list devices with their descriptors, open one interface's
 * bulk endpoints. Tests put recorded descriptors behind it; nothing above it touches usb4java.
 */
public interface UsbBus {
  /**
   * The attached devices. Fails with {@link dev.packs.probe.ProbeException.Usb} when libusb cannot
   * start; a device whose strings cannot be read is listed with empty strings and reported to
   * {@code problems}.
   */
  List<UsbDeviceInfo> devices(java.util.function.Consumer<String> problems);

  /** Claims {@code iface} of {@code device} and returns a pipe over two of its endpoints. */
  BulkPipe open(UsbDeviceInfo device, UsbDeviceInfo.Interface iface, int outEndpoint, int inEndpoint);

  /** One OUT and one IN bulk endpoint of a claimed interface. */
  interface BulkPipe extends AutoCloseable {
    /** Writes {@code length} bytes as one bulk transfer; returns the bytes sent. */
    int write(byte[] data, int length, int timeoutMillis);

    /** Reads one bulk transfer of at most {@code buffer.length} bytes; returns its length, or -1 on timeout. */
    int read(byte[] buffer, int timeoutMillis);

    /** The largest packet of the OUT endpoint. */
    int maxPacketSize();

    @Override
    void close();
  }
}
