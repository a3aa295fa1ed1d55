package dev.packs.flm.internal.export;

/** Hex spellings shared by the exporters. */
final class Hex {
  private Hex() {}

  static String of(long value) {
    return "0x" + Long.toHexString(value);
  }

  static String word(long value) {
    return String.format("0x%08x", value);
  }

  /**
   * A double-quoted string, valid in YAML and in Python: both read a backslash followed by x and two,
   * u and four, or U and eight hex digits as the code point with that number, so everything outside
   * printable ASCII is written with the shortest of them that holds the code point (never cut to a byte).
   */
  static String quoted(String text) {
    StringBuilder out = new StringBuilder("\"");
    text.codePoints().forEach(c -> {
      if (c == '"' || c == '\\') {
        out.append('\\').appendCodePoint(c);
      } else if (c >= 0x20 && c <= 0x7E) {
        out.appendCodePoint(c);
      } else if (c <= 0xFF) {
        out.append(String.format("\\x%02x", c));
      } else if (c <= 0xFFFF) {
        out.append(String.format("\\u%04x", c));
      } else {
        out.append(String.format("\\U%08x", c));
      }
    });
    return out.append('"').toString();
  }
}
