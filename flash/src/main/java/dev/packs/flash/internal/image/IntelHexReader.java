package dev.packs.flash.internal.image;

import dev.packs.flash.FlashException;
import dev.packs.flash.Image;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads Intel HEX: data (00), end of file (01, required), extended segment address (02), start segment
 * address (03, ignored), extended linear address (04) and start linear address (05, ignored). Every
 * record's checksum is checked. Under a segment address the 16-bit offset wraps within its 64 KiB, as
 * the format defines; under a linear address it does not.
 */
public final class IntelHexReader {
  private static final int DATA = 0;
  private static final int END_OF_FILE = 1;
  private static final int EXTENDED_SEGMENT = 2;
  private static final int START_SEGMENT = 3;
  private static final int EXTENDED_LINEAR = 4;
  private static final int START_LINEAR = 5;

  private IntelHexReader() {}

  public static Image read(Path file) throws IOException, FlashException.BadImage {
    ImageBuilder image = new ImageBuilder(file, ImageBuilder.Unit.LINE);
    long base = 0;
    boolean segmented = false;
    try (RecordLines lines = new RecordLines(file)) {
      for (Optional<String> line = lines.next(); line.isPresent(); line = lines.next()) {
        if (line.get().isEmpty()) {
          continue;
        }
        byte[] record = record(lines, line.get());
        int type = record[3] & 0xFF;
        int count = record[0] & 0xFF;
        int offset = (record[1] & 0xFF) << 8 | record[2] & 0xFF;
        switch (type) {
          case DATA -> {
            if (segmented && offset + count > 0x10000) {
              int first = 0x10000 - offset;
              image.add(base + offset, record, 4, first, lines.number());
              image.add(base, record, 4 + first, count - first, lines.number());
            } else {
              image.add(base + offset, record, 4, count, lines.number());
            }
          }
          case END_OF_FILE -> {
            expectCount(lines, "end-of-file", count, 0);
            return image.build();
          }
          case EXTENDED_SEGMENT -> {
            expectCount(lines, "extended segment address", count, 2);
            base = (long) word(record) << 4;
            segmented = true;
          }
          case EXTENDED_LINEAR -> {
            expectCount(lines, "extended linear address", count, 2);
            base = (long) word(record) << 16;
            segmented = false;
          }
          case START_SEGMENT, START_LINEAR -> expectCount(lines, "start address", count, 4);
          default -> throw lines.error(String.format("unknown record type 0x%02X", type));
        }
      }
    }
    throw new FlashException.BadImage(file, "", "no end-of-file record (type 01): the file is truncated");
  }

  /** The bytes of one record (count, address, type, data, checksum), length and checksum checked. */
  private static byte[] record(RecordLines lines, String line) throws FlashException.BadImage {
    if (line.charAt(0) != ':') {
      throw lines.error("a record starts with ':', not '" + line.charAt(0) + "'");
    }
    if (line.length() < 11) {
      throw lines.error("record of " + line.length() + " characters is truncated (a record has at least 11)");
    }
    int count = Character.digit(line.charAt(1), 16) << 4 | Character.digit(line.charAt(2), 16);
    int expected = 11 + 2 * count;
    if (count >= 0 && line.length() != expected) {
      throw lines.error(String.format("record of 0x%02X data bytes needs %d characters, the line has %d%s",
          count, expected, line.length(), line.length() < expected ? " (truncated)" : ""));
    }
    byte[] record = lines.hexBytes(line, 1);
    int sum = 0;
    for (int i = 0; i < record.length - 1; i++) {
      sum += record[i] & 0xFF;
    }
    int want = -sum & 0xFF;
    int have = record[record.length - 1] & 0xFF;
    if (want != have) {
      throw lines.error(String.format("bad checksum 0x%02X (expected 0x%02X)", have, want));
    }
    return record;
  }

  private static void expectCount(RecordLines lines, String name, int count, int expected)
      throws FlashException.BadImage {
    if (count != expected) {
      throw lines.error(String.format("%s record with %d data bytes (expected %d)", name, count, expected));
    }
  }

  private static int word(byte[] record) {
    return (record[4] & 0xFF) << 8 | record[5] & 0xFF;
  }
}
