package dev.packs.cache;

import java.util.Objects;

/** An installed pack for which the index lists a newer version. */
public record PackUpdate(InstalledPack installed, String latest) {
  public PackUpdate {
    Objects.requireNonNull(installed, "installed");
    Objects.requireNonNull(latest, "latest");
  }
}
