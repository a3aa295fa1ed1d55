package dev.packs.index;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A descriptor file the device database should reflect.
 *
 * @param key names the slot the file fills, stable across versions where that makes sense: {@code
 *     web:Keil.STM32G4xx_DFP}, {@code installed:Keil/STM32G4xx_DFP/1.1.0}, {@code local:Acme.Pack}
 * @param descriptor the {@code .pdsc} file
 * @param origin where in the pack root it was found
 */
public record PackSource(String key, Path descriptor, Origin origin) {
  public PackSource {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(descriptor, "descriptor");
    Objects.requireNonNull(origin, "origin");
    if (key.isBlank()) {
      throw new IllegalArgumentException("blank key");
    }
  }

  /** Where a descriptor comes from. */
  public enum Origin {
    /** {@code .Web/Vendor.Name.pdsc}: the latest public descriptor, pack not installed. */
    WEB,
    /** {@code Vendor/Name/Version/Vendor.Name.pdsc}: an installed pack. */
    INSTALLED,
    /** A folder registered in {@code .Local/local_repository.pidx}; counts as installed. */
    LOCAL,
    /** A file named on the command line with {@code --pack}. */
    FILE;

    /** True for packs in the root (installed or local); a {@code --pack} file is not installed. */
    public boolean installed() {
      return this == INSTALLED || this == LOCAL;
    }
  }
}
