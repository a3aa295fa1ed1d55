package dev.packs.probe.internal;

import dev.packs.probe.EmulatedDeviceFactory;
import dev.packs.probe.ProbeInfo;
import dev.packs.probe.ProbeListener;
import dev.packs.probe.ProbeTarget;
import java.nio.file.Path;
import java.util.Optional;
import java.util.List;

/**
 * One probe family (CMSIS-DAP, ST-Link) as {@link dev.packs.probe.Probes} sees it: how to find the
 * attached ones, open one, and open its virtual twin over the emulator.
 */
public interface ProbeDriver {
  /** The kind of the attached probes, as {@code --probe} spells it: {@code cmsis-dap}. */
  String kind();

  /** The kind of the virtual probe: {@code virtual-dap}. */
  String virtualKind();

  /** The attached probes; never throws: a bus that cannot start is reported to the listener. */
  List<ProbeInfo> list(ProbeListener listener);

  /**
   * The attached probes as cheaply as they can be found, for choosing one to open: by default
   * {@link #list}; a driver whose listing talks to each probe (to ask its version) skips that here.
   */
  default List<ProbeInfo> attached(ProbeListener listener) {
    return list(listener);
  }

  /** Opens {@code probe}, one that {@link #list} or {@link #attached} returned, and connects to the target's core. */
  ProbeTarget open(ProbeInfo probe, ProbeListener listener);

  /** Opens the virtual probe over the device {@code devices} builds. */
  ProbeTarget openVirtual(Optional<Path> file, EmulatedDeviceFactory devices,
      ProbeListener listener);
}
