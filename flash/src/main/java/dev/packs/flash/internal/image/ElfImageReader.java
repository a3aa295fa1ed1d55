package dev.packs.flash.internal.image;

import dev.packs.flash.FlashException;
import dev.packs.flash.Image;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads the loadable content of an ELF32 little-endian executable: the file bytes of every PT_LOAD segment
 * at its physical address ({@code p_paddr}, where the bytes are stored, not where they run). Segments with
 * no file bytes (NOBITS such as .bss) and other program headers are skipped. Only the headers and the
 * segments' bytes are read, each after checking that it lies inside the file.
 */
public final class ElfImageReader {
  private static final int HEADER_SIZE = 52;
  private static final int PROGRAM_HEADER_SIZE = 32;
  private static final int ET_REL = 1;
  private static final int PT_LOAD = 1;

  private ElfImageReader() {}

  public static Image read(Path file) throws IOException, FlashException.BadImage {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long fileSize = channel.size();
      if (fileSize < HEADER_SIZE) {
        throw new FlashException.BadImage(file, "", fileSize + " bytes is too short for an ELF header");
      }
      ByteBuffer header = readAt(channel, 0, HEADER_SIZE);
      checkIdentity(file, header);
      if ((header.getShort(16) & 0xFFFF) == ET_REL) {
        throw new FlashException.BadImage(file, "", "a relocatable object file, not a linked executable");
      }
      long phoff = Integer.toUnsignedLong(header.getInt(28));
      int phentsize = header.getShort(42) & 0xFFFF;
      int phnum = header.getShort(44) & 0xFFFF;
      if (phnum == 0) {
        throw new FlashException.BadImage(file, "", "no program headers, so nothing to load");
      }
      if (phentsize < PROGRAM_HEADER_SIZE) {
        throw new FlashException.BadImage(file, "", "program header entry size " + phentsize + " is below 32 bytes");
      }
      if (phoff + (long) phnum * phentsize > fileSize) {
        throw new FlashException.BadImage(file, "", String.format(
            "program header table at offset 0x%X (%d entries of %d bytes) lies outside the file (%d bytes)",
            phoff, phnum, phentsize, fileSize));
      }
      ImageBuilder image = new ImageBuilder(file, ImageBuilder.Unit.SEGMENT);
      for (int i = 0; i < phnum; i++) {
        ByteBuffer programHeader = readAt(channel, phoff + (long) i * phentsize, PROGRAM_HEADER_SIZE);
        loadSegment(file, channel, fileSize, programHeader, i, image);
      }
      return image.build();
    }
  }

  private static void checkIdentity(Path file, ByteBuffer header) throws FlashException.BadImage {
    if (header.getInt(0) != 0x464C457F) { // 0x7F 'E' 'L' 'F', read little-endian
      throw new FlashException.BadImage(file, "", "not an ELF file (no 0x7F 'ELF' magic)");
    }
    if (header.get(4) != 1) {
      throw new FlashException.BadImage(file, "",
          "only 32-bit ELF files are supported (EI_CLASS " + header.get(4) + ")");
    }
    if (header.get(5) != 1) {
      throw new FlashException.BadImage(file, "",
          "only little-endian ELF files are supported (EI_DATA " + header.get(5) + ")");
    }
  }

  private static void loadSegment(
      Path file, FileChannel channel, long fileSize, ByteBuffer header, int index, ImageBuilder image)
      throws IOException, FlashException.BadImage {
    long type = Integer.toUnsignedLong(header.getInt(0));
    long offset = Integer.toUnsignedLong(header.getInt(4));
    long paddr = Integer.toUnsignedLong(header.getInt(12));
    long filesz = Integer.toUnsignedLong(header.getInt(16));
    if (type != PT_LOAD || filesz == 0) {
      return;
    }
    String where = "segment " + index;
    if (offset + filesz > fileSize) {
      throw new FlashException.BadImage(file, where, String.format(
          "its 0x%X file bytes at offset 0x%X lie outside the file (%d bytes)", filesz, offset, fileSize));
    }
    if (filesz > ImageLimits.MAX_BYTES) {
      throw new FlashException.BadImage(file, where, String.format(
          "0x%X bytes is more than the %s packs accepts for one image", filesz,
          ImageLimits.mib(ImageLimits.MAX_BYTES)));
    }
    ByteBuffer bytes = readAt(channel, offset, (int) filesz);
    image.add(paddr, bytes.array(), 0, (int) filesz, index);
  }

  private static ByteBuffer readAt(FileChannel channel, long position, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, position + buffer.position()) < 0) {
        throw new EOFException("unexpected end of file at offset " + (position + buffer.position()));
      }
    }
    return buffer.flip();
  }
}
