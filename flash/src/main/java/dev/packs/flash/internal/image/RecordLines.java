package dev.packs.flash.internal.image;

import dev.packs.flash.FlashException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The lines of a text record file (Intel HEX, S-records), trimmed, with their 1-based numbers. A line
 * longer than any record could be fails at once, so a large binary file read as text never fills memory.
 */
final class RecordLines implements AutoCloseable {
  private final Path file;
  private final InputStream in;
  private final StringBuilder line = new StringBuilder();
  private int number;

  RecordLines(Path file) throws IOException {
    this.file = file;
    this.in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
  }

  /** The next line, trimmed of surrounding white space; empty at the end of the file. */
  Optional<String> next() throws IOException, FlashException.BadImage {
    line.setLength(0);
    int b = in.read();
    if (b < 0) {
      return Optional.empty();
    }
    number++;
    while (b >= 0 && b != '\n') {
      if (line.length() == ImageLimits.MAX_LINE) {
        throw new FlashException.BadImage(file, String.valueOf(number),
            "line is longer than " + ImageLimits.MAX_LINE + " characters, which no record is");
      }
      line.append((char) (b & 0xFF));
      b = in.read();
    }
    return Optional.of(line.toString().strip());
  }

  /** The number of the line {@link #next} returned last. */
  int number() {
    return number;
  }

  /** Where the line {@link #next} returned last is, for {@link FlashException.BadImage}. */
  String where() {
    return String.valueOf(number);
  }

  /** A failure of the current line. */
  FlashException.BadImage error(String detail) {
    return new FlashException.BadImage(file, where(), detail);
  }

  /**
   * The bytes that {@code text} spells in hex digit pairs from {@code from}.
   *
   * @throws FlashException.BadImage naming the column of the first character that is not a hex digit
   */
  byte[] hexBytes(String text, int from) throws FlashException.BadImage {
    if ((text.length() - from) % 2 != 0) {
      throw error("odd number of hex digits (" + (text.length() - from) + "): the line is truncated");
    }
    byte[] out = new byte[(text.length() - from) / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) (digit(text, from + 2 * i) << 4 | digit(text, from + 2 * i + 1));
    }
    return out;
  }

  private int digit(String text, int index) throws FlashException.BadImage {
    int value = Character.digit(text.charAt(index), 16);
    if (value < 0) {
      throw error(String.format("'%s' at column %d is not a hex digit", text.charAt(index), index + 1));
    }
    return value;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
