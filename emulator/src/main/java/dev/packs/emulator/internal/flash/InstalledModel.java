package dev.packs.emulator.internal.flash;

import dev.packs.emulator.internal.bus.FlashController;
import dev.packs.emulator.internal.bus.Peripheral;
import java.util.List;
import java.util.Objects;

/** A flash controller and the companion blocks (ID registers, watchdogs) its algorithms read. */
public record InstalledModel(FlashController controller, List<Peripheral> companions) {
  public InstalledModel {
    Objects.requireNonNull(controller, "controller");
    companions = List.copyOf(companions);
  }
}
