package dev.packs.cache.internal.serve;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Turns the raw path of a request into a path relative to the served folder, or refuses it. Refused
 * with 400: encoded separators or NUL ({@code %2f}, {@code %5c}, {@code %00}), malformed escapes,
 * backslashes, colons (drive letters, schemes), empty segments ({@code //}, an absolute path smuggled
 * after the first slash), and {@code .} or {@code ..} segments however they were encoded. The path
 * is decoded exactly once, so {@code %252e%252e} is a file literally named {@code %2e%2e}.
 */
final class RequestPath {
  /** A path to look up, or the status and reason of a refusal. */
  sealed interface Result {}

  /** Segments below the served folder; empty for {@code /}. */
  record Ok(List<String> segments) implements Result {
    String relative() {
      return String.join("/", segments);
    }
  }

  record Refused(int status, String reason) implements Result {}

  private RequestPath() {}

  static Result parse(String rawPath) {
    if (rawPath == null || !rawPath.startsWith("/")) {
      return new Refused(400, "the path must start with /");
    }
    String lower = rawPath.toLowerCase(Locale.ROOT);
    if (lower.contains("%2f") || lower.contains("%5c") || lower.contains("%00")) {
      return new Refused(400, "encoded separator or NUL in the path");
    }
    String decoded;
    try {
      decoded = decode(rawPath);
    } catch (IllegalArgumentException e) {
      return new Refused(400, e.getMessage());
    }
    if (decoded.indexOf('\\') >= 0 || decoded.indexOf(':') >= 0 || decoded.indexOf('\0') >= 0) {
      return new Refused(400, "backslash, colon or NUL in the path");
    }
    String rest = decoded.substring(1);
    if (rest.isEmpty()) {
      return new Ok(List.of());
    }
    List<String> segments = List.of(rest.split("/", -1));
    for (String s : segments) {
      if (s.isEmpty()) {
        return new Refused(400, "empty path segment");
      }
      if (s.equals(".") || s.equals("..")) {
        return new Refused(400, "path traversal");
      }
    }
    return new Ok(segments);
  }

  /** Percent-decoding of a path: no {@code +} for space, UTF-8, every escape well-formed. */
  private static String decode(String raw) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0 || Character.digit(raw.charAt(i + 2), 16) < 0) {
          throw new IllegalArgumentException("malformed percent escape in the path");
        }
        bytes.write(Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16));
        i += 2;
      } else if (c < 0x80) {
        bytes.write(c);
      } else {
        byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(utf8, 0, utf8.length);
      }
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("the path is not UTF-8");
    }
  }
}
