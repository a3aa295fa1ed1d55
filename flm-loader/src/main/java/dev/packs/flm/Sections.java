package dev.packs.flm;

import java.util.Objects;

/**
 * Where an algorithm's parts sit in its blob.
 *
 * @param code PrgCode, always at offset 0
 * @param data PrgData (PROGBITS); empty at the end of code when the file has none
 * @param bss the zero-initialised PrgData (NOBITS); empty at the end of data when the file has none
 */
public record Sections(BlobRange code, BlobRange data, BlobRange bss) {
  public Sections {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(bss, "bss");
    if (code.offset() != 0) {
      throw new IllegalArgumentException("code must start at 0");
    }
  }

  /** The blob size: the highest end of the three. */
  public long end() {
    return Math.max(code.end(), Math.max(data.end(), bss.end()));
  }
}
