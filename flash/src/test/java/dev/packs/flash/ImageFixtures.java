package dev.packs.flash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The image-reader fixtures built by {@code images/build.sh} from firmware.c, read in place. */
final class ImageFixtures {
  private ImageFixtures() {}

  static Path path(String name) {
    return Path.of(System.getProperty("packs.repo", ".."))
        .resolve("flash/src/test/resources/dev/packs/flash/images")
        .resolve(name);
  }

  static byte[] bytes(String name) {
    try {
      return Files.readAllBytes(path(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> lines(String name) {
    try {
      return Files.readAllLines(path(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code image} with every segment moved by {@code delta}. */
  static Image shift(Image image, long delta) {
    List<Image.Segment> moved = new ArrayList<>();
    for (Image.Segment s : image.segments()) {
      moved.add(new Image.Segment(s.address() + delta, s.data()));
    }
    return Image.of(moved);
  }

  /** An Intel HEX record line with a correct checksum. */
  static String hexRecord(int type, int offset, int... data) {
    int[] bytes = new int[4 + data.length];
    bytes[0] = data.length;
    bytes[1] = offset >> 8 & 0xFF;
    bytes[2] = offset & 0xFF;
    bytes[3] = type;
    System.arraycopy(data, 0, bytes, 4, data.length);
    StringBuilder line = new StringBuilder(":");
    int sum = 0;
    for (int b : bytes) {
      line.append(String.format("%02X", b));
      sum += b;
    }
    return line.append(String.format("%02X", -sum & 0xFF)).toString();
  }

  /** An S-record line of {@code type} with a correct count and checksum. */
  static String srecRecord(int type, int addressBytes, long address, int... data) {
    int[] bytes = new int[1 + addressBytes + data.length];
    bytes[0] = addressBytes + data.length + 1;
    for (int i = 0; i < addressBytes; i++) {
      bytes[1 + i] = (int) (address >> 8 * (addressBytes - 1 - i)) & 0xFF;
    }
    System.arraycopy(data, 0, bytes, 1 + addressBytes, data.length);
    StringBuilder line = new StringBuilder("S").append(type);
    int sum = 0;
    for (int b : bytes) {
      line.append(String.format("%02X", b));
      sum += b;
    }
    return line.append(String.format("%02X", ~sum & 0xFF)).toString();
  }
}
