package dev.packs.cache.internal.mirror;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes the {@code url} attribute of every {@code <release>} of a descriptor. Such a URL names
 * where one release's archive lives and wins over the index's folder in packs, cpackget and pyOCD
 * alike, so a mirror that kept it would send its clients back to the vendor. The bytes are handled
 * as ISO-8859-1, one char per byte, so every other byte of the file stays as it was.
 */
final class ReleaseUrls {
  private static final Pattern RELEASE_URL =
      Pattern.compile("(<release\\b[^>]*?)\\s+url\\s*=\\s*(\"[^\"]*\"|'[^']*')");

  private ReleaseUrls() {}

  /** The descriptor without release URLs; the same array when it had none. */
  static byte[] strip(byte[] pdsc) {
    String text = new String(pdsc, StandardCharsets.ISO_8859_1);
    Matcher m = RELEASE_URL.matcher(text);
    if (!m.find()) {
      return pdsc;
    }
    String stripped = text;
    while (m.find(0)) {
      stripped = m.replaceAll("$1");
      m = RELEASE_URL.matcher(stripped);
    }
    return stripped.getBytes(StandardCharsets.ISO_8859_1);
  }
}
