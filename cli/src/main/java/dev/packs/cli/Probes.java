package dev.packs.cli;

import dev.packs.probe.ProbeException;
import dev.packs.probe.ProbeListener;
import dev.packs.probe.ProbeSelector;
import dev.packs.probe.ProbeTarget;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Optional;

/** Opens the target a {@link ProbeSpec} names: the emulator, or a probe through the probe module. */
final class Probes {
  private Probes() {}

  /** Opens {@code spec} for {@code device}; warnings of the probe layer go to {@code err}. */
  static Connection connect(ProbeSpec spec, DeviceSpec device, PrintWriter err) throws IOException {
    if (spec instanceof ProbeSpec.Emulator e) {
      return EmulatorConnection.open(device, e.file(), e.label());
    }
    ProbeListener listener = new ProbeListener() {
      @Override
      public void warning(String message) {
        err.println("packs: " + message);
        err.flush();
      }
    };
    ProbeSelector selector = spec instanceof ProbeSpec.Probe p ? p.selector() : ProbeSelector.any();
    EmulatedDevices devices = new EmulatedDevices(device);
    ProbeTarget target;
    try {
      target = dev.packs.probe.Probes.create(listener).open(selector, devices);
    } catch (UncheckedIOException e) {
      throw e.getCause(); // the virtual probe's FILE could not be read
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage()); // several probes attached, or a kind the probe module lacks
    } catch (ProbeException.NotFound e) {
      if (spec instanceof ProbeSpec.Attached) {
        throw new ProbeException.NotFound("no debug probe is attached; use --probe emulator (or emulator:FILE,"
            + " which keeps the emulated flash in FILE between runs), or see what `packs probes` finds");
      }
      throw e;
    }
    boolean virtual = selector instanceof ProbeSelector.Virtual;
    return new ProbeConnection(target, virtual ? spec.label() : target.info().spec(),
        virtual ? Optional.of(devices) : Optional.empty());
  }
}
