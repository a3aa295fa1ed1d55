package dev.packs.probe.internal.stlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.List;
import org.usb4java.DeviceDescriptor;
import org.usb4java.DeviceHandle;
import org.usb4java.DeviceList;
import org.usb4java.LibUsb;

/** {@link UsbBus} over usb4java (libusb 1.0): the one class in the ST-Link code that calls libusb. */
final class LibUsbBus implements UsbBus {
  private final DeviceList list;
  private boolean open = true;

  private LibUsbBus(DeviceList list) {
    this.list = list;
  }

  /** Starts libusb's default context (once per process) and takes a snapshot of the attached devices. */
  static LibUsbBus open() throws UsbIoException {
    Context.start();
    DeviceList list = new DeviceList();
    int found = LibUsb.getDeviceList(null, list);
    if (found < 0) {
      throw error("listing USB devices", found);
    }
    return new LibUsbBus(list);
  }

  @Override
  public List<UsbBus.Device> devices() throws UsbIoException {
    List<UsbBus.Device> devices = new ArrayList<>();
    for (org.usb4java.Device device : list) {
      DeviceDescriptor d = new DeviceDescriptor();
      int result = LibUsb.getDeviceDescriptor(device, d);
      if (result != LibUsb.SUCCESS) {
        continue; // a device that vanished while we looked is simply not attached
      }
      devices.add(new LibUsbDevice(device, raw(d)));
    }
    return devices;
  }

  private static byte[] raw(DeviceDescriptor d) {
    ByteBuffer b = ByteBuffer.allocate(18).order(ByteOrder.LITTLE_ENDIAN);
    b.put(d.bLength()).put(d.bDescriptorType()).putShort(d.bcdUSB()).put(d.bDeviceClass())
        .put(d.bDeviceSubClass()).put(d.bDeviceProtocol()).put(d.bMaxPacketSize0())
        .putShort(d.idVendor()).putShort(d.idProduct()).putShort(d.bcdDevice())
        .put(d.iManufacturer()).put(d.iProduct()).put(d.iSerialNumber())
        .put(d.bNumConfigurations());
    return b.array();
  }

  @Override
  public synchronized void close() {
    if (open) {
      open = false;
      LibUsb.freeDeviceList(list, true);
    }
  }

  static UsbIoException error(String what, int code) {
    return new UsbIoException(what + ": " + LibUsb.strError(code) + " (" + LibUsb.errorName(code) + ")",
        code == LibUsb.ERROR_TIMEOUT);
  }

  /** libusb's default context, started on first use and kept for the life of the process. */
  private static final class Context {
    private static boolean started;

    static synchronized void start() throws UsbIoException {
      if (started) {
        return;
      }
      try {
        int result = LibUsb.init(null);
        if (result != LibUsb.SUCCESS) {
          throw error("starting libusb", result);
        }
      } catch (RuntimeException | LinkageError e) {
        throw new UsbIoException("starting libusb: " + e.getMessage());
      }
      started = true;
    }
  }

  private static final class LibUsbDevice implements UsbBus.Device {
    private final org.usb4java.Device device;
    private final byte[] descriptor;

    LibUsbDevice(org.usb4java.Device device, byte[] descriptor) {
      this.device = device;
      this.descriptor = descriptor;
    }

    @Override
    public String location() {
      return "bus " + LibUsb.getBusNumber(device) + " address " + LibUsb.getDeviceAddress(device);
    }

    @Override
    public byte[] deviceDescriptor() {
      return descriptor.clone();
    }

    @Override
    public Handle open() throws UsbIoException {
      DeviceHandle handle = new DeviceHandle();
      int result = LibUsb.open(device, handle);
      if (result != LibUsb.SUCCESS) {
        throw error("opening the device at " + location(), result);
      }
      return new LibUsbHandle(handle);
    }
  }

  private static final class LibUsbHandle implements UsbBus.Handle {
    private final DeviceHandle handle;
    private int claimed = -1;

    LibUsbHandle(DeviceHandle handle) {
      this.handle = handle;
    }

    @Override
    public byte[] descriptor(int type, int index, int language) throws UsbIoException {
      ByteBuffer buffer = ByteBuffer.allocateDirect(1024);
      // GET_DESCRIPTOR: device-to-host, standard, device; wValue = type << 8 | index.
      int n = LibUsb.controlTransfer(handle, (byte) 0x80, (byte) 0x06,
          (short) (type << 8 | index), (short) language, buffer, 1000);
      if (n < 0) {
        throw error("reading descriptor " + type + "/" + index, n);
      }
      byte[] out = new byte[n];
      buffer.get(out);
      return out;
    }

    @Override
    public void claim(int interfaceNumber) throws UsbIoException {
      LibUsb.setAutoDetachKernelDriver(handle, true); // unsupported on some systems; harmless
      int result = LibUsb.claimInterface(handle, interfaceNumber);
      if (result == LibUsb.ERROR_BUSY) {
        throw new UsbIoException("interface " + interfaceNumber
            + " is in use by another program (a debugger or IDE holding the probe)");
      }
      if (result == LibUsb.ERROR_ACCESS) {
        throw new UsbIoException("no permission to use the probe (on Linux, install ST's udev"
            + " rules or run with access to /dev/bus/usb)");
      }
      if (result != LibUsb.SUCCESS) {
        throw error("claiming interface " + interfaceNumber, result);
      }
      claimed = interfaceNumber;
    }

    @Override
    public void write(int endpoint, byte[] data, int timeoutMillis) throws UsbIoException {
      ByteBuffer buffer = ByteBuffer.allocateDirect(data.length);
      buffer.put(data);
      buffer.rewind();
      IntBuffer done = IntBuffer.allocate(1);
      int result = LibUsb.bulkTransfer(handle, (byte) endpoint, buffer, done, timeoutMillis);
      if (result != LibUsb.SUCCESS) {
        throw error(String.format("bulk OUT on endpoint 0x%02X", endpoint), result);
      }
      if (done.get(0) != data.length) {
        throw new UsbIoException(String.format("bulk OUT on endpoint 0x%02X sent %d of %d bytes",
            endpoint, done.get(0), data.length));
      }
    }

    @Override
    public int read(int endpoint, byte[] buffer, int timeoutMillis) throws UsbIoException {
      ByteBuffer direct = ByteBuffer.allocateDirect(buffer.length);
      IntBuffer done = IntBuffer.allocate(1);
      int result = LibUsb.bulkTransfer(handle, (byte) endpoint, direct, done, timeoutMillis);
      if (result != LibUsb.SUCCESS) {
        throw error(String.format("bulk IN on endpoint 0x%02X", endpoint), result);
      }
      int n = done.get(0);
      direct.get(buffer, 0, n);
      return n;
    }

    @Override
    public void close() {
      if (claimed >= 0) {
        LibUsb.releaseInterface(handle, claimed);
        claimed = -1;
      }
      LibUsb.close(handle);
    }
  }
}
