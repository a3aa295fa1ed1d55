package dev.packs.probe.internal.usb;

import dev.packs.probe.ProbeException;
import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.usb4java.ConfigDescriptor;
import org.usb4java.Context;
import org.usb4java.Device;
import org.usb4java.DeviceDescriptor;
import org.usb4java.DeviceHandle;
import org.usb4java.DeviceList;
import org.usb4java.EndpointDescriptor;
import org.usb4java.InterfaceDescriptor;
import org.usb4java.LibUsb;

/** {@link UsbBus} over usb4java's libusb binding; one libusb context per process, started on first use. */
public final class LibUsbBus implements UsbBus {
  private static Context context;

  private static synchronized Context context() {
    if (context == null) {
      Context started = new Context();
      int result;
      try {
        result = LibUsb.init(started);
      } catch (LinkageError | RuntimeException e) {
        throw new ProbeException.Usb("libusb", "cannot load the libusb library of usb4java: " + e, e);
      }
      if (result != LibUsb.SUCCESS) {
        throw new ProbeException.Usb("libusb", "cannot start: " + LibUsb.strError(result), null);
      }
      context = started;
    }
    return context;
  }

  @Override
  public List<UsbDeviceInfo> devices(Consumer<String> problems) {
    DeviceList list = new DeviceList();
    int count = LibUsb.getDeviceList(context(), list);
    if (count < 0) {
      throw new ProbeException.Usb("libusb", "cannot list devices: " + LibUsb.strError(count), null);
    }
    try {
      List<UsbDeviceInfo> devices = new ArrayList<>();
      for (Device device : list) {
        describe(device, problems).ifPresent(devices::add);
      }
      return devices;
    } finally {
      LibUsb.freeDeviceList(list, true);
    }
  }

  private static java.util.Optional<UsbDeviceInfo> describe(Device device, Consumer<String> problems) {
    DeviceDescriptor descriptor = new DeviceDescriptor();
    if (LibUsb.getDeviceDescriptor(device, descriptor) != LibUsb.SUCCESS) {
      return java.util.Optional.empty();
    }
    String location = location(device);
    int vid = descriptor.idVendor() & 0xFFFF;
    int pid = descriptor.idProduct() & 0xFFFF;
    List<InterfaceDescriptor> ifaces = new ArrayList<>();
    ConfigDescriptor config = new ConfigDescriptor();
    boolean haveConfig = LibUsb.getActiveConfigDescriptor(device, config) == LibUsb.SUCCESS;
    try {
      if (haveConfig) {
        for (org.usb4java.Interface iface : config.iface()) {
          if (iface.numAltsetting() > 0) {
            ifaces.add(iface.altsetting()[0]);
          }
        }
      }
      boolean vendorInterface = ifaces.stream().anyMatch(i -> (i.bInterfaceClass() & 0xFF) == 0xFF);
      DeviceHandle handle = new DeviceHandle();
      int opened = vendorInterface ? LibUsb.open(device, handle) : LibUsb.ERROR_NOT_SUPPORTED;
      if (vendorInterface && opened != LibUsb.SUCCESS) {
        problems.accept(String.format("USB device %04x:%04x at %s cannot be opened (%s); if it is a debug"
            + " probe, check its permissions (udev rules on Linux)", vid, pid, location, LibUsb.errorName(opened)));
      }
      boolean open = opened == LibUsb.SUCCESS;
      try {
        List<UsbDeviceInfo.Interface> interfaces = new ArrayList<>();
        for (InterfaceDescriptor i : ifaces) {
          List<UsbDeviceInfo.Endpoint> endpoints = new ArrayList<>();
          for (EndpointDescriptor e : i.endpoint()) {
            endpoints.add(new UsbDeviceInfo.Endpoint(e.bEndpointAddress() & 0xFF, e.bmAttributes() & 0xFF,
                e.wMaxPacketSize() & 0xFFFF));
          }
          interfaces.add(new UsbDeviceInfo.Interface(i.bInterfaceNumber() & 0xFF, i.bInterfaceClass() & 0xFF,
              i.bInterfaceSubClass() & 0xFF, i.bInterfaceProtocol() & 0xFF,
              open ? string(handle, i.iInterface()) : "", endpoints));
        }
        return java.util.Optional.of(new UsbDeviceInfo(location, vid, pid,
            open ? string(handle, descriptor.iManufacturer()) : "",
            open ? string(handle, descriptor.iProduct()) : "",
            open ? string(handle, descriptor.iSerialNumber()) : "", interfaces));
      } finally {
        if (open) {
          LibUsb.close(handle);
        }
      }
    } finally {
      if (haveConfig) {
        LibUsb.freeConfigDescriptor(config);
      }
    }
  }

  private static String string(DeviceHandle handle, byte index) {
    if (index == 0) {
      return "";
    }
    String value = LibUsb.getStringDescriptor(handle, index);
    return value == null ? "" : value.strip();
  }

  private static String location(Device device) {
    ByteBuffer ports = ByteBuffer.allocateDirect(8);
    int n = LibUsb.getPortNumbers(device, ports);
    StringBuilder path = new StringBuilder("bus " + LibUsb.getBusNumber(device) + " port ");
    for (int i = 0; i < Math.max(n, 0); i++) {
      path.append(i == 0 ? "" : ".").append(ports.get(i) & 0xFF);
    }
    return n > 0 ? path.toString() : "bus " + LibUsb.getBusNumber(device) + " address " + LibUsb.getDeviceAddress(device);
  }

  @Override
  public BulkPipe open(UsbDeviceInfo wanted, UsbDeviceInfo.Interface iface, int outEndpoint, int inEndpoint) {
    DeviceList list = new DeviceList();
    int count = LibUsb.getDeviceList(context(), list);
    if (count < 0) {
      throw new ProbeException.Usb(wanted.ids(), "cannot list devices: " + LibUsb.strError(count), null);
    }
    try {
      for (Device device : list) {
        if (location(device).equals(wanted.location())) {
          return claim(device, wanted, iface, outEndpoint, inEndpoint);
        }
      }
    } finally {
      LibUsb.freeDeviceList(list, true);
    }
    throw new ProbeException.NotFound("USB device " + wanted.ids() + " at " + wanted.location() + " went away");
  }

  private static BulkPipe claim(Device device, UsbDeviceInfo info, UsbDeviceInfo.Interface iface, int out, int in) {
    DeviceHandle handle = new DeviceHandle();
    int result = LibUsb.open(device, handle);
    if (result != LibUsb.SUCCESS) {
      throw new ProbeException.Usb(info.ids(), "cannot open: " + LibUsb.strError(result), null);
    }
    LibUsb.setAutoDetachKernelDriver(handle, true);
    result = LibUsb.claimInterface(handle, iface.number());
    if (result != LibUsb.SUCCESS) {
      LibUsb.close(handle);
      throw new ProbeException.Usb(info.ids(), "cannot claim interface " + iface.number()
          + " (is another program using the probe?): " + LibUsb.strError(result), null);
    }
    int maxPacket = iface.endpoints().stream().filter(e -> e.address() == out)
        .mapToInt(UsbDeviceInfo.Endpoint::maxPacketSize).findFirst().orElse(64);
    return new LibUsbPipe(handle, iface.number(), (byte) out, (byte) in, maxPacket, info.ids());
  }

  /** A claimed interface's bulk endpoints. */
  private static final class LibUsbPipe implements BulkPipe {
    private final DeviceHandle handle;
    private final int iface;
    private final byte out;
    private final byte in;
    private final int maxPacket;
    private final String name;
    private final IntBuffer transferred = ByteBuffer.allocateDirect(4).order(java.nio.ByteOrder.nativeOrder()).asIntBuffer();
    private ByteBuffer buffer = ByteBuffer.allocateDirect(1024);

    LibUsbPipe(DeviceHandle handle, int iface, byte out, byte in, int maxPacket, String name) {
      this.handle = handle;
      this.iface = iface;
      this.out = out;
      this.in = in;
      this.maxPacket = maxPacket;
      this.name = name;
    }

    private ByteBuffer buffer(int size) {
      if (buffer.capacity() < size) {
        buffer = ByteBuffer.allocateDirect(size);
      }
      buffer.clear();
      return buffer;
    }

    @Override
    public int write(byte[] data, int length, int timeoutMillis) {
      ByteBuffer b = buffer(Math.max(length, 1));
      b.put(data, 0, length).flip();
      int result = LibUsb.bulkTransfer(handle, out, b, transferred, timeoutMillis);
      if (result == LibUsb.ERROR_TIMEOUT) {
        throw new ProbeException.Timeout(name + " USB write");
      }
      if (result != LibUsb.SUCCESS) {
        throw new ProbeException.Usb(name, "bulk write failed: " + LibUsb.strError(result), null);
      }
      return transferred.get(0);
    }

    @Override
    public int read(byte[] data, int timeoutMillis) {
      ByteBuffer b = buffer(data.length);
      b.limit(data.length);
      int result = LibUsb.bulkTransfer(handle, in, b, transferred, timeoutMillis);
      if (result == LibUsb.ERROR_TIMEOUT) {
        return -1;
      }
      if (result != LibUsb.SUCCESS) {
        throw new ProbeException.Usb(name, "bulk read failed: " + LibUsb.strError(result), null);
      }
      int n = transferred.get(0);
      b.position(0);
      b.get(data, 0, n);
      return n;
    }

    @Override
    public int maxPacketSize() {
      return maxPacket;
    }

    @Override
    public void close() {
      LibUsb.releaseInterface(handle, iface);
      LibUsb.close(handle);
    }
  }
}
