package dev.packs.probe.internal.dap;

import dev.packs.emulator.Emulator;
import dev.packs.probe.EmulatedDeviceFactory;
import dev.packs.probe.ProbeException;
import dev.packs.probe.ProbeInfo;
import dev.packs.probe.ProbeListener;
import dev.packs.probe.ProbeTarget;
import dev.packs.probe.ProbeTransport;
import dev.packs.probe.internal.ProbeDriver;
import dev.packs.probe.internal.sim.FaultPlan;
import dev.packs.probe.internal.usb.BulkTransport;
import dev.packs.probe.internal.usb.HidApiBus;
import dev.packs.probe.internal.usb.HidBus;
import dev.packs.probe.internal.usb.HidDeviceInfo;
import dev.packs.probe.internal.usb.HidTransport;
import dev.packs.probe.internal.usb.LibUsbBus;
import dev.packs.probe.internal.usb.UsbBus;
import dev.packs.probe.internal.usb.UsbDeviceInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** CMSIS-DAP v1 (HID) and v2 (bulk) probes, and the virtual CMSIS-DAP probe. */
public final class CmsisDapDriver implements ProbeDriver {
  /** USB timeout: the longest a probe may take to answer one packet (WAIT retries included). */
  static final int TIMEOUT_MILLIS = 5000;

  private final UsbBus usb;
  private final HidBus hid;

  public CmsisDapDriver() {
    this(new LibUsbBus(), new HidApiBus());
  }

  public CmsisDapDriver(UsbBus usb, HidBus hid) {
    this.usb = usb;
    this.hid = hid;
  }

  @Override
  public String kind() {
    return DapDiscovery.KIND;
  }

  @Override
  public String virtualKind() {
    return "virtual-dap";
  }

  @Override
  public List<ProbeInfo> list(ProbeListener listener) {
    List<ProbeInfo> probes = new ArrayList<>();
    for (DapDiscovery.Found found : find(listener)) {
      ProbeInfo info = found.info();
      try (ProbeTransport transport = transport(found)) {
        String version = CmsisDap.version(transport);
        probes.add(new ProbeInfo(info.kind(), info.vendor(), info.product(), info.serial(), version,
            info.protocol(), info.vendorId(), info.productId(), info.targetVoltage()));
      } catch (ProbeException e) {
        listener.warning(info.spec() + " (" + info.product() + "): cannot ask its version: " + e.getMessage());
        probes.add(info);
      }
    }
    return probes;
  }

  @Override
  public List<ProbeInfo> attached(ProbeListener listener) {
    return find(listener).stream().map(DapDiscovery.Found::info).toList();
  }

  /** The CMSIS-DAP probes on the bus; a bus that cannot start is reported and left out. */
  private List<DapDiscovery.Found> find(ProbeListener listener) {
    List<UsbDeviceInfo> devices = List.of();
    List<HidDeviceInfo> hids = List.of();
    try {
      devices = usb.devices(listener::warning);
    } catch (ProbeException | LinkageError e) {
      listener.warning("CMSIS-DAP v2 (USB bulk) probes cannot be listed: " + e.getMessage());
    }
    try {
      hids = hid.devices();
    } catch (ProbeException | LinkageError e) {
      listener.warning("CMSIS-DAP v1 (HID) probes cannot be listed: " + e.getMessage());
    }
    return DapDiscovery.find(devices, hids);
  }

  /** A transport to the probe, with whatever an earlier session left unread drained first. */
  private ProbeTransport transport(DapDiscovery.Found found) {
    String name = found.info().spec();
    if (found instanceof DapDiscovery.Bulk bulk) {
      BulkTransport transport = new BulkTransport(
          usb.open(bulk.device(), bulk.iface(), bulk.outEndpoint(), bulk.inEndpoint()), name, TIMEOUT_MILLIS);
      transport.drain();
      return transport;
    }
    HidTransport transport = new HidTransport(hid.open(((DapDiscovery.Hid) found).device()), name, TIMEOUT_MILLIS);
    transport.drain();
    return transport;
  }

  @Override
  public ProbeTarget open(ProbeInfo probe, ProbeListener listener) {
    DapDiscovery.Found found = find(listener).stream()
        .filter(f -> f.info().serial().equals(probe.serial()) && f.info().vendorId() == probe.vendorId()
            && f.info().productId() == probe.productId() && f.info().protocol().equals(probe.protocol()))
        .findFirst()
        .orElseThrow(() -> new ProbeException.NotFound(probe.spec() + " is not attached any more"));
    return CmsisDap.open(transport(found), found.info());
  }

  @Override
  public ProbeTarget openVirtual(Optional<Path> file, EmulatedDeviceFactory devices, ProbeListener listener) {
    Emulator emulator = devices.create(file);
    VirtualDap probe = VirtualDap.over(emulator, VirtualDapConfig.DEFAULT, new FaultPlan());
    return CmsisDap.open(probe.transport(), VirtualDap.INFO, () -> devices.close(emulator, file));
  }
}
