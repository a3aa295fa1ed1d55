package dev.packs.probe.internal.dap;

import dev.packs.probe.ProbeInfo;
import dev.packs.probe.internal.usb.HidDeviceInfo;
import dev.packs.probe.internal.usb.UsbDeviceInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Which USB devices are CMSIS-DAP probes. v2: an interface of class 0xFF whose string contains
 * "CMSIS-DAP", with a bulk OUT then a bulk IN endpoint first. v1: a HID interface whose product
 * string contains "CMSIS-DAP" (the vendor usage page 0xFF00 preferred when a probe has several).
 * A probe offering both is listed once, as v2.
 */
public final class DapDiscovery {
  private DapDiscovery() {}

  public static final String KIND = "cmsis-dap";

  /** A probe found: how to reach it. */
  public sealed interface Found permits Bulk, Hid {
    ProbeInfo info();
  }

  public record Bulk(ProbeInfo info, UsbDeviceInfo device, UsbDeviceInfo.Interface iface,
      int outEndpoint, int inEndpoint) implements Found {}

  public record Hid(ProbeInfo info, HidDeviceInfo device) implements Found {}

  public static List<Found> find(List<UsbDeviceInfo> usb, List<HidDeviceInfo> hid) {
    List<Found> found = new ArrayList<>();
    Set<String> bulkProbes = new HashSet<>();
    for (UsbDeviceInfo device : usb) {
      for (UsbDeviceInfo.Interface iface : device.interfaces()) {
        if (isV2(iface)) {
          found.add(new Bulk(info(device.manufacturer(), device.product(), device.serial(), "v2",
              device.vendorId(), device.productId()), device, iface,
              iface.endpoints().get(0).address(), iface.endpoints().get(1).address()));
          bulkProbes.add(key(device.vendorId(), device.productId(), device.serial()));
          break;
        }
      }
    }
    List<HidDeviceInfo> hidProbes = new ArrayList<>();
    for (HidDeviceInfo device : hid) {
      if (isCmsisDap(device.product())
          && !bulkProbes.contains(key(device.vendorId(), device.productId(), device.serial()))) {
        hidProbes.removeIf(other -> sameDevice(other, device) && device.usagePage() == 0xFF00);
        if (hidProbes.stream().noneMatch(other -> sameDevice(other, device))) {
          hidProbes.add(device);
        }
      }
    }
    for (HidDeviceInfo device : hidProbes) {
      found.add(new Hid(info(device.manufacturer(), device.product(), device.serial(), "v1",
          device.vendorId(), device.productId()), device));
    }
    return found;
  }

  static boolean isV2(UsbDeviceInfo.Interface iface) {
    List<UsbDeviceInfo.Endpoint> eps = iface.endpoints();
    return iface.interfaceClass() == 0xFF && isCmsisDap(iface.name()) && eps.size() >= 2
        && eps.get(0).bulk() && !eps.get(0).in() && eps.get(1).bulk() && eps.get(1).in();
  }

  static boolean isCmsisDap(String name) {
    String upper = name.toUpperCase(Locale.ROOT);
    return upper.contains("CMSIS-DAP") || upper.contains("CMSIS_DAP");
  }

  private static boolean sameDevice(HidDeviceInfo a, HidDeviceInfo b) {
    return a.vendorId() == b.vendorId() && a.productId() == b.productId() && a.serial().equals(b.serial());
  }

  private static String key(int vid, int pid, String serial) {
    return vid + ":" + pid + ":" + serial;
  }

  private static ProbeInfo info(String vendor, String product, String serial, String protocol, int vid, int pid) {
    return new ProbeInfo(KIND, vendor, product, serial, "", protocol, vid, pid, OptionalDouble.empty());
  }
}
