package dev.packs.project.internal.config;

import dev.packs.project.ProjectException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The text of {@code packs.yaml} or {@code packs.lock}: UTF-8, strictly. A byte that is not UTF-8 is
 * reported with the file, its line and column and the byte itself; the JDK's own message for it is
 * {@code Input length = 1}, which names nothing.
 */
final class ConfigText {
  private ConfigText() {}

  /** Reads and decodes {@code file}; an I/O failure is left to the caller. */
  static String read(Path file) throws IOException {
    return decode(Files.readAllBytes(file), file);
  }

  static String decode(byte[] bytes, Path file) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      throw invalid(bytes, in.position(), result.length(), file);
    }
    decoder.flush(out);
    String text = out.flip().toString();
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  private static ProjectException.BadConfig invalid(byte[] bytes, int at, int length, Path file) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < at; i++) {
      if (bytes[i] == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    // The column counts characters, as editors do: UTF-8 continuation bytes do not start one.
    int column = 1;
    for (int i = lineStart; i < at; i++) {
      if ((bytes[i] & 0xC0) != 0x80) {
        column++;
      }
    }
    StringBuilder found = new StringBuilder();
    for (int i = at; i < Math.min(bytes.length, at + length); i++) {
      found.append(found.length() == 0 ? "" : " ").append(String.format("0x%02X", bytes[i] & 0xFF));
    }
    return new ProjectException.BadConfig(file, "",
        "line " + line + ", column " + column + ": not UTF-8 (byte " + found + "); save the file as UTF-8", null);
  }
}
