package dev.packs.flash.internal.image;

import dev.packs.flash.FlashException;
import dev.packs.flash.Image;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads Motorola S-records: S0 header (ignored), S1/S2/S3 data with 16/24/32-bit addresses, S5/S6
 * record counts (checked against the data records before them), and S7/S8/S9 termination (required; the
 * start address is ignored). Every record's checksum is checked.
 */
public final class SrecReader {
  /** Address bytes per record type S0..S9; 0 for the reserved S4. */
  private static final int[] ADDRESS_BYTES = {2, 2, 3, 4, 0, 2, 3, 4, 3, 2};

  private SrecReader() {}

  public static Image read(Path file) throws IOException, FlashException.BadImage {
    ImageBuilder image = new ImageBuilder(file, ImageBuilder.Unit.LINE);
    long dataRecords = 0;
    try (RecordLines lines = new RecordLines(file)) {
      for (Optional<String> line = lines.next(); line.isPresent(); line = lines.next()) {
        if (line.get().isEmpty()) {
          continue;
        }
        int type = type(lines, line.get());
        byte[] record = record(lines, line.get(), ADDRESS_BYTES[type]);
        int addressBytes = ADDRESS_BYTES[type];
        long address = 0;
        for (int i = 1; i <= addressBytes; i++) {
          address = address << 8 | record[i] & 0xFF;
        }
        switch (type) {
          case 1, 2, 3 -> {
            image.add(address, record, 1 + addressBytes, record.length - 2 - addressBytes, lines.number());
            dataRecords++;
          }
          case 5, 6 -> {
            if (address != dataRecords) {
              throw lines.error(String.format(
                  "S%d record counts %d data records, the file has %d before it", type, address, dataRecords));
            }
          }
          case 7, 8, 9 -> {
            return image.build();
          }
          default -> { } // S0: a header, no data
        }
      }
    }
    throw new FlashException.BadImage(file, "", "no termination record (S7, S8 or S9): the file is truncated");
  }

  private static int type(RecordLines lines, String line) throws FlashException.BadImage {
    if (line.charAt(0) != 'S') {
      throw lines.error("an S-record starts with 'S', not '" + line.charAt(0) + "'");
    }
    int type = line.length() < 2 ? -1 : Character.digit(line.charAt(1), 10);
    if (type < 0 || type == 4) {
      throw lines.error("unknown record type '" + line.substring(0, Math.min(2, line.length())) + "'");
    }
    return type;
  }

  /** The bytes of one record (count, address, data, checksum), length and checksum checked. */
  private static byte[] record(RecordLines lines, String line, int addressBytes) throws FlashException.BadImage {
    if (line.length() < 4) {
      throw lines.error("record of " + line.length() + " characters is truncated");
    }
    byte[] record = lines.hexBytes(line, 2);
    int count = record[0] & 0xFF;
    if (record.length != count + 1) {
      throw lines.error(String.format("record count 0x%02X needs %d characters, the line has %d%s", count,
          4 + 2 * count, line.length(), record.length < count + 1 ? " (truncated)" : ""));
    }
    if (count < addressBytes + 1) {
      throw lines.error(String.format(
          "record count 0x%02X is too small for a %d-byte address and a checksum", count, addressBytes));
    }
    int sum = 0;
    for (int i = 0; i < record.length - 1; i++) {
      sum += record[i] & 0xFF;
    }
    int want = ~sum & 0xFF;
    int have = record[record.length - 1] & 0xFF;
    if (want != have) {
      throw lines.error(String.format("bad checksum 0x%02X (expected 0x%02X)", have, want));
    }
    return record;
  }
}
