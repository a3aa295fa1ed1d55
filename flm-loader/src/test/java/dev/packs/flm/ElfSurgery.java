package dev.packs.flm;

import dev.packs.flm.testdata.TestAlgorithms;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Breaks a good FLM in one precise way, so each malformed case is a real file one edit away from a
 * working one. Offsets follow the ELF32 specification; nothing here uses the loader under test.
 */
final class ElfSurgery {
  private final byte[] bytes;
  private final ByteBuffer buf;

  ElfSurgery(byte[] bytes) {
    this.bytes = bytes.clone();
    this.buf = ByteBuffer.wrap(this.bytes).order(ByteOrder.LITTLE_ENDIAN);
  }

  static ElfSurgery of(String algorithm) {
    return new ElfSurgery(TestAlgorithms.bytes(algorithm));
  }

  byte[] bytes() {
    return bytes.clone();
  }

  byte[] truncatedTo(int length) {
    return Arrays.copyOf(bytes, length);
  }

  ElfSurgery setByte(int offset, int value) {
    bytes[offset] = (byte) value;
    return this;
  }

  ElfSurgery setU16(int offset, int value) {
    buf.putShort(offset, (short) value);
    return this;
  }

  ElfSurgery setU32(int offset, long value) {
    buf.putInt(offset, (int) value);
    return this;
  }

  int u32(int offset) {
    return buf.getInt(offset);
  }

  /** The file offset of section header {@code index}. */
  int sectionHeader(int index) {
    return buf.getInt(32) + index * (buf.getShort(46) & 0xFFFF);
  }

  /** The header index of the first section with this name and ELF type (1 PROGBITS, 8 NOBITS...). */
  int section(String name, int type) {
    int count = buf.getShort(48) & 0xFFFF;
    int names = buf.getInt(sectionHeader(buf.getShort(50) & 0xFFFF) + 16);
    for (int i = 1; i < count; i++) {
      int header = sectionHeader(i);
      if (buf.getInt(header + 4) == type && name.equals(cString(names + buf.getInt(header)))) {
        return i;
      }
    }
    throw new IllegalArgumentException("no section " + name);
  }

  /** The file offset of a section's data. */
  int sectionData(String name, int type) {
    return buf.getInt(sectionHeader(section(name, type)) + 16);
  }

  /** Overwrites the first occurrence of {@code from} + NUL with {@code to}, which has the same length. */
  ElfSurgery renameString(String from, String to) {
    byte[] needle = (from + "\0").getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i + needle.length <= bytes.length; i++) {
      if (Arrays.equals(bytes, i, i + needle.length, needle, 0, needle.length)) {
        byte[] replacement = to.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(replacement, 0, bytes, i, replacement.length);
        return this;
      }
    }
    throw new IllegalArgumentException("no string " + from);
  }

  /** The file offset of the value field of the symbol with this name. */
  int symbolValue(String name) {
    int symtab = section(".symtab", 2);
    int header = sectionHeader(symtab);
    int offset = buf.getInt(header + 16);
    int size = buf.getInt(header + 20);
    int strtab = buf.getInt(sectionHeader(buf.getInt(header + 24)) + 16);
    for (int at = offset; at < offset + size; at += 16) {
      if (name.equals(cString(strtab + buf.getInt(at)))) {
        return at + 4;
      }
    }
    throw new IllegalArgumentException("no symbol " + name);
  }

  private String cString(int at) {
    int end = at;
    while (bytes[end] != 0) {
      end++;
    }
    return new String(bytes, at, end - at, StandardCharsets.US_ASCII);
  }
}
