package dev.packs.flm;

import dev.packs.flm.internal.FlmParser;

/**
 * Turns the bytes of an FLM file (a CMSIS flash algorithm: an ELF32 little-endian ARM executable) into
 * an immutable {@link FlashAlgorithm}. It reads only the bytes it is given and never fetches anything.
 */
public final class FlmLoader {
  private FlmLoader() {}

  /**
   * Parses an FLM.
   *
   * @param bytes the whole file; not modified and not retained
   * @param source a label naming the file in errors and in the result, e.g. its path
   * @throws FlmFormatException if the file is not a usable FLM; the subclass names the problem
   */
  public static FlashAlgorithm load(byte[] bytes, String source) {
    return FlmParser.parse(bytes, source);
  }
}
