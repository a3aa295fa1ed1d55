package dev.packs.probe.internal.stlink;

import dev.packs.emulator.Emulator;
import dev.packs.probe.EmulatedDeviceFactory;
import dev.packs.probe.ProbeInfo;
import dev.packs.probe.ProbeListener;
import dev.packs.probe.ProbeTarget;
import dev.packs.probe.internal.ProbeDriver;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** ST-Link V2, V2-1 and V3 probes, and the virtual ST-Link, as the shared probe API sees them. */
public final class StLinkDriver implements ProbeDriver {
  static final String KIND = "stlink";
  static final String VIRTUAL_KIND = "virtual-stlink";

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String virtualKind() {
    return VIRTUAL_KIND;
  }

  /** Every ST-Link, asked for its firmware and target voltage; one that cannot be asked is named in a warning. */
  @Override
  public List<ProbeInfo> list(ProbeListener listener) {
    return infos(StLinkProbes.list(true, listener::warning), listener);
  }

  /** Every ST-Link from its descriptors alone, without talking to it. */
  @Override
  public List<ProbeInfo> attached(ProbeListener listener) {
    return infos(StLinkProbes.list(false, listener::warning), listener);
  }

  private static List<ProbeInfo> infos(List<StLinkInfo> found, ProbeListener listener) {
    return found.stream().map(s -> {
      ProbeInfo info = info(s);
      s.problem().ifPresent(why -> listener.warning(info.spec() + " (" + s.product() + " at " + s.location()
          + "): " + why));
      return info;
    }).toList();
  }

  static ProbeInfo info(StLinkInfo s) {
    StLinkModel model = StLinkModel.of(s.vendorId(), s.productId()).orElseThrow(() ->
        new IllegalArgumentException("no ST-Link: " + s.usbId()));
    return model.probeInfo(KIND, s.serial().orElse(""), s.productId(), s.firmware(), s.targetVolts());
  }

  @Override
  public ProbeTarget open(ProbeInfo probe, ProbeListener listener) {
    return StLinkProbes.open(probe.serial().isEmpty() ? null : probe.serial());
  }

  @Override
  public ProbeTarget openVirtual(Optional<Path> file, EmulatedDeviceFactory devices,
      ProbeListener listener) {
    Emulator emulator = devices.create(file);
    return VirtualStLink.open(emulator, () -> devices.close(emulator, file));
  }
}
