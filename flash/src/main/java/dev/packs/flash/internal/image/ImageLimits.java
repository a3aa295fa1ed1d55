package dev.packs.flash.internal.image;

/** The bounds every image reader enforces before it allocates. */
public final class ImageLimits {
  /** The most data one image may hold: more than any microcontroller's flash, far less than the heap. */
  public static final long MAX_BYTES = 256L << 20;

  /** One past the last 32-bit address. */
  public static final long ADDRESS_SPACE = 1L << 32;

  /** The longest hex or S-record line accepted (a record holds at most 255 data bytes: 521 characters). */
  static final int MAX_LINE = 1024;

  private ImageLimits() {}

  static String mib(long bytes) {
    return (bytes >> 20) + " MiB";
  }
}
