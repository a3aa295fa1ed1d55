package dev.packs.cache.internal.net;

import dev.packs.cache.DownloadException;
import dev.packs.cache.DownloadException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Looks at the first bytes of a downloaded body: empty, an HTML page, or not what was expected. */
final class ContentCheck {
  private static final int SNIFF = 1024;

  private ContentCheck() {}

  static void check(URI url, Path body, Expect expect) throws DownloadException {
    byte[] head;
    try (InputStream in = Files.newInputStream(body)) {
      head = in.readNBytes(SNIFF);
    } catch (IOException e) {
      throw new DownloadException(url, Reason.CONNECTION, java.util.OptionalInt.empty(), "cannot read " + body, e);
    }
    if (head.length == 0) {
      throw new DownloadException(url, Reason.EMPTY, "0-byte body");
    }
    String text = new String(head, StandardCharsets.ISO_8859_1).stripLeading().toLowerCase(Locale.ROOT);
    if (text.startsWith("\u00ef\u00bb\u00bf")) {
      text = text.substring(3).stripLeading();
    }
    if (looksLikeHtml(text)) {
      throw new DownloadException(
          url, Reason.HTML_INSTEAD_OF_CONTENT, "an HTML page arrived instead of " + describe(expect) + " (a login page or proxy?)");
    }
    boolean ok = expect == Expect.ZIP ? isZip(head) : text.startsWith("<");
    if (!ok) {
      throw new DownloadException(url, Reason.UNEXPECTED_CONTENT, "the body is not " + describe(expect));
    }
  }

  private static boolean looksLikeHtml(String text) {
    if (text.startsWith("<!doctype html") || text.startsWith("<html")) {
      return true;
    }
    if (text.startsWith("<?xml")) {
      int end = text.indexOf("?>");
      String rest = end < 0 ? "" : text.substring(end + 2).stripLeading();
      return rest.startsWith("<!doctype html") || rest.startsWith("<html");
    }
    return false;
  }

  private static boolean isZip(byte[] head) {
    return head.length >= 4 && head[0] == 'P' && head[1] == 'K' && (head[2] == 3 || head[2] == 5) && (head[3] == 4 || head[3] == 6);
  }

  private static String describe(Expect expect) {
    return expect == Expect.ZIP ? "a zip archive" : "an XML document";
  }
}
