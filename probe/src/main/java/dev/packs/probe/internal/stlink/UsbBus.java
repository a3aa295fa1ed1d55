package dev.packs.probe.internal.stlink;

import java.util.List;

/**
 * The only USB calls the ST-Link code makes: list devices, read their raw descriptors, claim an
 * interface and move bulk data. {@link LibUsbBus} implements it with usb4java; tests stand recorded
 * descriptors and the {@link VirtualStLink} in for hardware, and nothing else is faked.
 */
interface UsbBus extends AutoCloseable {
  /** The standard GET_DESCRIPTOR types the discovery reads. */
  int CONFIGURATION = 2;
  int STRING = 3;

  /** The attached devices; valid until the bus is closed. */
  List<Device> devices() throws UsbIoException;

  @Override
  void close();

  /** One attached device, not yet opened. */
  interface Device {
    /** Where the device sits, for messages, for example {@code bus 1 address 7}. */
    String location();

    /** The 18 bytes of the standard device descriptor, readable without opening the device. */
    byte[] deviceDescriptor();

    Handle open() throws UsbIoException;
  }

  /** An opened device. */
  interface Handle extends AutoCloseable {
    /** A raw GET_DESCRIPTOR answer (configuration with all its interfaces, or a string). */
    byte[] descriptor(int type, int index, int language) throws UsbIoException;

    void claim(int interfaceNumber) throws UsbIoException;

    /** One bulk OUT transfer of exactly {@code data}. */
    void write(int endpoint, byte[] data, int timeoutMillis) throws UsbIoException;

    /** One bulk IN transfer into {@code buffer}; returns how many bytes arrived. */
    int read(int endpoint, byte[] buffer, int timeoutMillis) throws UsbIoException;

    @Override
    void close();
  }
}
