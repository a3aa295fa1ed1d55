package dev.packs.probe.internal.stlink;

import dev.packs.probe.ProbeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;

/**
 * Finds attached ST-Links (VID 0x0483 and a known debug PID) and opens one as a {@link StLinkTarget}.
 * Discovery reads the device, configuration and serial-number descriptors; listing also asks each
 * free probe for its firmware version and the target voltage.
 */
public final class StLinkProbes {
  /** The SWD clock packs asks for: a V2 gets 4 MHz (divisor 0), a V3 the fastest it offers below. */
  public static final int DEFAULT_KILOHERTZ = 4000;

  private StLinkProbes() {}

  /** The attached ST-Links; empty where there is no USB or libusb cannot start. */
  public static List<StLinkInfo> list() {
    return list(true, problem -> { });
  }

  /**
   * The attached ST-Links, each asked for its firmware and target voltage when {@code ask}; empty
   * where there is no USB or libusb cannot start, which {@code problems} hears.
   */
  public static List<StLinkInfo> list(boolean ask, Consumer<String> problems) {
    try (LibUsbBus bus = LibUsbBus.open()) {
      return ask ? list(bus) : candidates(bus).stream()
          .map(c -> c.info(Optional.empty(), OptionalDouble.empty(), c.problem)).toList();
    } catch (UsbIoException e) {
      problems.accept("ST-Link probes cannot be listed: " + e.getMessage());
      return List.of();
    }
  }

  /**
   * Opens the ST-Link with this serial number (exact, or a unique prefix, any case), or the only one
   * attached when {@code serial} is null, and attaches to its target over SWD.
   */
  public static StLinkTarget open(String serial) {
    LibUsbBus bus;
    try {
      bus = LibUsbBus.open();
    } catch (UsbIoException e) {
      throw new ProbeException.NotFound("no ST-Link found: " + e.getMessage());
    }
    try {
      return open(bus, serial, DEFAULT_KILOHERTZ);
    } catch (RuntimeException e) {
      bus.close();
      throw e;
    }
  }

  static List<StLinkInfo> list(UsbBus bus) throws UsbIoException {
    List<StLinkInfo> found = new ArrayList<>();
    for (Candidate c : candidates(bus)) {
      found.add(c.problem.isPresent() ? c.info(Optional.empty(), OptionalDouble.empty(), c.problem)
          : ask(c));
    }
    return found;
  }

  /** Asks a free probe for its firmware and the target voltage, without changing its mode. */
  private static StLinkInfo ask(Candidate c) {
    try (UsbBus.Handle handle = c.device.open()) {
      handle.claim(c.interfaceNumber);
      StLinkUsb usb = new StLinkUsb(handle, c.model, c.name(), () -> { });
      StLinkVersion version = StLinkSession.queryVersion(usb);
      boolean hasVoltage = version.isV3() || version.jtag() >= 13;
      OptionalDouble volts = hasVoltage ? StLinkSession.targetVoltage(usb) : OptionalDouble.empty();
      return c.info(Optional.of(version), volts, Optional.empty());
    } catch (UsbIoException | ProbeException e) {
      return c.info(Optional.empty(), OptionalDouble.empty(), Optional.of(e.getMessage()));
    }
  }

  static StLinkTarget open(UsbBus bus, String serial, int kiloHertz) {
    List<Candidate> all;
    try {
      all = candidates(bus);
    } catch (UsbIoException e) {
      throw new ProbeException.NotFound("no ST-Link found: " + e.getMessage());
    }
    Candidate chosen = choose(all, serial);
    if (chosen.problem.isPresent()) {
      throw new ProbeException.Usb(chosen.name(), chosen.problem.get(), null);
    }
    UsbBus.Handle handle;
    try {
      handle = chosen.device.open();
      try {
        handle.claim(chosen.interfaceNumber);
      } catch (UsbIoException e) {
        handle.close();
        throw e;
      }
    } catch (UsbIoException e) {
      throw new ProbeException.Usb(chosen.name(), e.getMessage(), e);
    }
    StLinkUsb usb = new StLinkUsb(handle, chosen.model, chosen.name(), bus::close);
    StLinkSession session;
    try {
      session = StLinkSession.attach(usb, kiloHertz);
    } catch (RuntimeException e) {
      usb.close();
      throw e;
    }
    return StLinkTarget.attach(session, StLinkDriver.KIND, chosen.serial.orElse(""));
  }

  private static Candidate choose(List<Candidate> all, String serial) {
    if (serial == null) {
      if (all.size() == 1) {
        return all.get(0);
      }
      if (all.isEmpty()) {
        throw new ProbeException.NotFound("no ST-Link is attached");
      }
      throw new ProbeException.NotFound(all.size() + " ST-Links are attached (" + serials(all)
          + "); choose one with stlink:SERIAL");
    }
    String wanted = serial.toUpperCase(Locale.ROOT);
    List<Candidate> matches = all.stream()
        .filter(c -> c.serial.map(s -> s.toUpperCase(Locale.ROOT)).filter(wanted::equals).isPresent())
        .toList();
    if (matches.isEmpty()) {
      matches = all.stream().filter(c -> c.serial
          .map(s -> s.toUpperCase(Locale.ROOT).startsWith(wanted)).orElse(false)).toList();
    }
    if (matches.size() == 1) {
      return matches.get(0);
    }
    String attached = all.isEmpty() ? "none is attached" : "attached: " + serials(all);
    throw new ProbeException.NotFound(matches.isEmpty()
        ? "no ST-Link has serial number " + serial + " (" + attached + ")"
        : "serial number " + serial + " matches " + matches.size() + " ST-Links (" + serials(matches)
            + "); give more of it");
  }

  private static String serials(List<Candidate> candidates) {
    return String.join(", ", candidates.stream()
        .map(c -> c.serial.orElse("? at " + c.device.location())).toList());
  }

  /** Every ST-Link on the bus, with its serial and debug interface when the device could be opened. */
  private static List<Candidate> candidates(UsbBus bus) throws UsbIoException {
    List<Candidate> found = new ArrayList<>();
    for (UsbBus.Device device : bus.devices()) {
      UsbDescriptors.Device d;
      try {
        d = UsbDescriptors.device(device.deviceDescriptor());
      } catch (UsbIoException e) {
        continue; // not a device descriptor we can read: not an ST-Link we could drive either
      }
      Optional<StLinkModel> model = StLinkModel.of(d.vendorId(), d.productId());
      if (model.isPresent()) {
        found.add(describe(device, d, model.get()));
      }
    }
    return found;
  }

  private static Candidate describe(UsbBus.Device device, UsbDescriptors.Device d, StLinkModel model) {
    try (UsbBus.Handle handle = device.open()) {
      Optional<String> serial = Optional.empty();
      if (d.serialIndex() != 0) {
        int language = UsbDescriptors.language(handle.descriptor(UsbBus.STRING, 0, 0));
        serial = Optional.of(UsbDescriptors.serial(UsbDescriptors.string(
            handle.descriptor(UsbBus.STRING, d.serialIndex(), language))));
      }
      Optional<UsbDescriptors.Interface> debug = UsbDescriptors.carrying(
          UsbDescriptors.interfaces(handle.descriptor(UsbBus.CONFIGURATION, 0, 0)),
          model.outEndpoint(), model.inEndpoint());
      Optional<String> problem = debug.isPresent() ? Optional.empty() : Optional.of(String.format(
          "no interface carries the debug endpoints 0x%02X/0x%02X", model.outEndpoint(),
          model.inEndpoint()));
      return new Candidate(device, d, model, serial, debug.map(UsbDescriptors.Interface::number)
          .orElse(0), problem);
    } catch (UsbIoException e) {
      return new Candidate(device, d, model, Optional.empty(), 0, Optional.of(e.getMessage()));
    }
  }

  private record Candidate(UsbBus.Device device, UsbDescriptors.Device descriptor, StLinkModel model,
      Optional<String> serial, int interfaceNumber, Optional<String> problem) {
    String name() {
      return model.product() + " " + serial.orElse("at " + device.location());
    }

    StLinkInfo info(Optional<StLinkVersion> firmware, OptionalDouble volts, Optional<String> why) {
      return new StLinkInfo(serial, model.product(), descriptor.vendorId(), descriptor.productId(),
          device.location(), firmware, volts, why);
    }
  }
}
