package dev.packs.cache;

import java.nio.file.Path;
import java.util.Objects;

/** A pack extracted in the root, at {@code Vendor/Name/Version}. */
public record InstalledPack(String vendor, String name, String version, Path path) {
  public InstalledPack {
    Objects.requireNonNull(vendor, "vendor");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(path, "path");
  }

  /** The dotted ID, {@code Vendor.Name.Version}. */
  public String id() {
    return vendor + "." + name + "." + version;
  }
}
