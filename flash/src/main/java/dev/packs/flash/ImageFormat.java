package dev.packs.flash;

import java.util.Locale;
import java.util.Optional;

/** The image file formats {@link ImageReader} reads. */
public enum ImageFormat {
  /** Raw bytes with no addresses: needs a base address. */
  BINARY("bin"),
  /** Intel HEX, records 00-05. */
  INTEL_HEX("hex", "ihex"),
  /** Motorola S-records, S0-S9. */
  SREC("srec", "s19", "s28", "s37", "mot"),
  /** ELF32 little-endian: PT_LOAD segments at their physical addresses. */
  ELF("elf", "axf", "out");

  private final String[] extensions;

  ImageFormat(String... extensions) {
    this.extensions = extensions;
  }

  /** The format a file name's extension names (case-insensitive), if any. */
  public static Optional<ImageFormat> byExtension(String fileName) {
    int dot = fileName.lastIndexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    String extension = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    for (ImageFormat format : values()) {
      for (String known : format.extensions) {
        if (known.equals(extension)) {
          return Optional.of(format);
        }
      }
    }
    return Optional.empty();
  }
}
