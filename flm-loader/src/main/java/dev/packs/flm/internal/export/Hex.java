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

  /** A double-quoted string, valid in YAML and in Python. */
  static String quoted(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || c > 0x7E) {
        out.append(String.format("\\x%02x", (int) c & 0xFF));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
