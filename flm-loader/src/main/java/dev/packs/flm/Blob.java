package dev.packs.flm;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/** Immutable bytes: an algorithm's code, data and zeroed bss, as loaded into target RAM. */
public final class Blob {
  private final byte[] bytes;

  private Blob(byte[] bytes) {
    this.bytes = bytes;
  }

  /** A blob holding a copy of {@code bytes}. */
  public static Blob of(byte[] bytes) {
    return new Blob(bytes.clone());
  }

  public int size() {
    return bytes.length;
  }

  public byte byteAt(int index) {
    return bytes[index];
  }

  /** The unsigned little-endian 32-bit word at {@code index}, zero-padded past the end. */
  public long wordAt(int index) {
    long word = 0;
    for (int i = 3; i >= 0; i--) {
      int at = index + i;
      word = (word << 8) | (at < bytes.length ? bytes[at] & 0xFF : 0);
    }
    return word;
  }

  public byte[] toByteArray() {
    return bytes.clone();
  }

  public String base64() {
    return Base64.getEncoder().encodeToString(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Blob other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    String head = HexFormat.of().formatHex(bytes, 0, Math.min(16, bytes.length));
    return "Blob[" + bytes.length + " bytes: " + head + (bytes.length > 16 ? "...]" : "]");
  }
}
