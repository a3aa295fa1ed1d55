package dev.packs.probe.internal.dap;

import dev.packs.probe.EmulatedDeviceFactory;
import dev.packs.probe.ProbeException;
import dev.packs.probe.ProbeInfo;
import dev.packs.probe.ProbeListener;
import dev.packs.probe.ProbeTarget;
import dev.packs.probe.internal.ProbeDriver;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** CMSIS-DAP v1 (HID) and v2 (bulk) probes, and the virtual CMSIS-DAP probe. */
public final class CmsisDapDriver implements ProbeDriver {
  @Override
  public String kind() {
    return "cmsis-dap";
  }

  @Override
  public String virtualKind() {
    return "virtual-dap";
  }

  @Override
  public List<ProbeInfo> list(ProbeListener listener) {
    return List.of();
  }

  @Override
  public ProbeTarget open(ProbeInfo probe, ProbeListener listener) {
    throw new ProbeException.Unsupported("CMSIS-DAP is not implemented yet");
  }

  @Override
  public ProbeTarget openVirtual(Optional<Path> file, EmulatedDeviceFactory devices,
      ProbeListener listener) {
    throw new ProbeException.Unsupported("the virtual CMSIS-DAP probe is not implemented yet");
  }
}
