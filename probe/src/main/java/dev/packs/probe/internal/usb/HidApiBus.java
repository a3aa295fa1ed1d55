package dev.packs.probe.internal.usb;

import dev.packs.probe.ProbeException;
import java.util.ArrayList;
import java.util.List;
import org.hid4java.HidDevice;
import org.hid4java.HidManager;
import org.hid4java.HidServices;
import org.hid4java.HidServicesSpecification;
import org.hid4java.ScanMode;

/** {@link HidBus} over hid4java's hidapi binding, without its background scanning and reading threads. */
public final class HidApiBus implements HidBus {
  private static HidServices services;

  private static synchronized HidServices services() {
    if (services == null) {
      HidServicesSpecification spec = new HidServicesSpecification();
      spec.setAutoStart(false);
      spec.setAutoShutdown(true);
      spec.setAutoDataRead(false);
      spec.setScanMode(ScanMode.NO_SCAN);
      try {
        services = HidManager.getHidServices(spec);
      } catch (LinkageError | RuntimeException e) {
        throw new ProbeException.Usb("hidapi", "cannot start hidapi through hid4java: " + e, e);
      }
    }
    return services;
  }

  private static List<HidDevice> attached() {
    try {
      return services().getAttachedHidDevices();
    } catch (LinkageError | RuntimeException e) {
      throw new ProbeException.Usb("hidapi", "cannot list HID devices: " + e, e);
    }
  }

  @Override
  public List<HidDeviceInfo> devices() {
    List<HidDeviceInfo> found = new ArrayList<>();
    for (HidDevice d : attached()) {
      found.add(new HidDeviceInfo(d.getPath(), d.getVendorId() & 0xFFFF, d.getProductId() & 0xFFFF,
          text(d.getManufacturer()), text(d.getProduct()), text(d.getSerialNumber()),
          d.getUsagePage() & 0xFFFF, d.getInterfaceNumber()));
    }
    return found;
  }

  private static String text(String value) {
    return value == null ? "" : value.strip();
  }

  @Override
  public HidPipe open(HidDeviceInfo wanted) {
    for (HidDevice d : attached()) {
      if (d.getPath().equals(wanted.path())) {
        if (!d.isOpen() && !d.open()) {
          throw new ProbeException.Usb(wanted.product(), "cannot open HID device " + wanted.path() + ": "
              + d.getLastErrorMessage(), null);
        }
        byte[] descriptor = new byte[4096];
        int length = d.getReportDescriptor(descriptor);
        int size = length > 0 ? HidReports.outputReportSize(descriptor, length).orElse(64) : 64;
        return new Pipe(d, size);
      }
    }
    throw new ProbeException.NotFound("HID device " + wanted.path() + " went away");
  }

  private record Pipe(HidDevice device, int reportSize) implements HidPipe {
    @Override
    public int write(byte[] report) {
      int n = device.write(report, report.length, (byte) 0);
      if (n < 0) {
        throw new ProbeException.Usb(device.getProduct(), "HID write failed: " + device.getLastErrorMessage(), null);
      }
      return n;
    }

    @Override
    public int read(byte[] buffer, int timeoutMillis) {
      int n = device.read(buffer, timeoutMillis);
      if (n < 0) {
        throw new ProbeException.Usb(device.getProduct(), "HID read failed: " + device.getLastErrorMessage(), null);
      }
      return n;
    }

    @Override
    public void close() {
      device.close();
    }
  }
}
