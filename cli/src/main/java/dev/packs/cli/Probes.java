package dev.packs.cli;

import dev.packs.probe.ProbeException;
import java.io.IOException;

/** Opens the target a {@link ProbeSpec} names. Each probe kind adds its case here. */
final class Probes {
  private Probes() {}

  static Connection connect(ProbeSpec spec, DeviceSpec device) throws IOException {
    if (spec instanceof ProbeSpec.Emulator e) {
      return EmulatorConnection.open(device, e.file(), e.label());
    }
    throw new ProbeException.NotFound("no debug probe is attached (packs does not drive USB probes yet);"
        + " use --probe emulator, or --probe emulator:FILE to keep the emulated flash in FILE between runs");
  }
}
