package dev.packs.flm;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * The algorithm's functions, each an address with the Thumb bit kept (bit 0 set for Thumb code). In a
 * {@link FlashAlgorithm} they are offsets into the blob; in a {@link PlacedAlgorithm} they are absolute
 * addresses in target RAM.
 */
public record EntryPoints(
    long init,
    long unInit,
    long eraseSector,
    long programPage,
    OptionalLong eraseChip,
    OptionalLong blankCheck,
    OptionalLong verify) {
  public EntryPoints {
    U32.check("init", init);
    U32.check("unInit", unInit);
    U32.check("eraseSector", eraseSector);
    U32.check("programPage", programPage);
    Objects.requireNonNull(eraseChip, "eraseChip");
    Objects.requireNonNull(blankCheck, "blankCheck");
    Objects.requireNonNull(verify, "verify");
  }

  /** The same entry points moved by {@code delta} bytes, e.g. from blob offsets to RAM addresses. */
  public EntryPoints offsetBy(long delta) {
    return new EntryPoints(
        init + delta,
        unInit + delta,
        eraseSector + delta,
        programPage + delta,
        shift(eraseChip, delta),
        shift(blankCheck, delta),
        shift(verify, delta));
  }

  private static OptionalLong shift(OptionalLong value, long delta) {
    return value.isPresent() ? OptionalLong.of(value.getAsLong() + delta) : value;
  }
}
