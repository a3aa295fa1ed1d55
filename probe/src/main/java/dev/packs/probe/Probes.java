package dev.packs.probe;

import dev.packs.probe.internal.ProbeDriver;
import dev.packs.probe.internal.dap.CmsisDapDriver;
import dev.packs.probe.internal.stlink.StLinkDriver;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Finds and opens debug probes: every attached CMSIS-DAP and ST-Link probe, and the virtual probes
 * that decode the same packets over the emulator.
 *
 * <pre>{@code
 * Probes probes = Probes.create(listener);
 * probes.list();                                   // what is attached; never throws
 * try (ProbeTarget t = probes.open("cmsis-dap:0123ABC", EmulatedDeviceFactory.NONE)) { ... }
 * }</pre>
 */
public final class Probes {
  private final List<ProbeDriver> drivers;
  private final ProbeListener listener;

  Probes(List<ProbeDriver> drivers, ProbeListener listener) {
    this.drivers = List.copyOf(drivers);
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /** Every probe family this build knows, reporting problems to {@code listener}. */
  public static Probes create(ProbeListener listener) {
    return new Probes(List.of(new CmsisDapDriver(), new StLinkDriver()), listener);
  }

  /**
   * The attached probes of every family. Never throws: where libusb or hidapi cannot start, or there
   * is no USB at all, the listener hears why and the list is shorter (often empty).
   */
  public List<ProbeInfo> list() {
    List<ProbeInfo> found = new ArrayList<>();
    for (ProbeDriver driver : drivers) {
      try {
        found.addAll(driver.list(listener));
      } catch (RuntimeException | LinkageError e) {
        listener.warning(driver.kind() + " probes cannot be listed: " + e);
      }
    }
    return List.copyOf(found);
  }

  /** Opens what {@code spec} names: {@code cmsis-dap[:SERIAL]}, {@code virtual-dap[:FILE]}, ... */
  public ProbeTarget open(String spec, EmulatedDeviceFactory devices) {
    return open(ProbeSelector.parse(spec), devices);
  }

  /**
   * Opens the probe {@code selector} names and connects to the core. A virtual probe runs on the
   * device {@code devices} builds. Fails with {@link ProbeException.NotFound} when nothing
   * matches and with {@link IllegalArgumentException} when several probes match or the kind is unknown.
   */
  public ProbeTarget open(ProbeSelector selector, EmulatedDeviceFactory devices) {
    Objects.requireNonNull(devices, "devices");
    if (selector instanceof ProbeSelector.Virtual v) {
      return driverOf(v.kind(), true).openVirtual(v.file(), devices, listener);
    }
    return openAttached((ProbeSelector.Usb) selector);
  }

  private ProbeTarget openAttached(ProbeSelector.Usb selector) {
    selector.kind().ifPresent(kind -> driverOf(kind, false));
    List<ProbeInfo> attached = new ArrayList<>();
    for (ProbeDriver driver : drivers) {
      try {
        attached.addAll(driver.attached(listener));
      } catch (RuntimeException | LinkageError e) {
        listener.warning(driver.kind() + " probes cannot be listed: " + e);
      }
    }
    List<ProbeInfo> matching = attached.stream()
        .filter(p -> selector.kind().map(p.kind()::equals).orElse(true))
        .filter(p -> selector.serial().map(p.serial()::equalsIgnoreCase).orElse(true))
        .toList();
    String wanted = selector.kind().orElse("probe") + selector.serial().map(s -> " with serial " + s).orElse("");
    if (matching.isEmpty()) {
      throw new ProbeException.NotFound(attached.isEmpty()
          ? "no debug probe is attached (wanted: " + wanted + ")"
          : "no " + wanted + " is attached; attached: " + specs(attached));
    }
    if (matching.size() > 1) {
      throw new IllegalArgumentException(matching.size() + " probes are attached; choose one with --probe "
          + specs(matching));
    }
    ProbeInfo probe = matching.get(0);
    return driverOf(probe.kind(), false).open(probe, listener);
  }

  private ProbeDriver driverOf(String kind, boolean virtual) {
    return drivers.stream()
        .filter(d -> kind.equals(virtual ? d.virtualKind() : d.kind()))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown probe kind '" + kind + "'; known: "
            + drivers.stream().map(d -> d.kind() + "[:SERIAL], " + d.virtualKind() + "[:FILE]")
                .collect(Collectors.joining(", "))));
  }

  private static String specs(List<ProbeInfo> probes) {
    return probes.stream().map(ProbeInfo::spec).collect(Collectors.joining(", "));
  }
}
