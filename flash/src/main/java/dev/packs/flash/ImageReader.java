package dev.packs.flash;

import dev.packs.flash.internal.image.BinaryReader;
import dev.packs.flash.internal.image.ElfImageReader;
import dev.packs.flash.internal.image.ImageLimits;
import dev.packs.flash.internal.image.IntelHexReader;
import dev.packs.flash.internal.image.SrecReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads an image file into an {@link Image}: raw binary (at a base address), Intel HEX, Motorola S-record
 * or ELF32. The format comes from the extension, else from the content (ELF magic, ':' records, 'S'
 * records), else the file is raw binary. Reading is bounded: no file yields more than {@link
 * #MAX_IMAGE_BYTES} of data, and sizes are checked before anything is allocated.
 */
public final class ImageReader {
  /** The most data one image may hold: more than any microcontroller's flash. */
  public static final long MAX_IMAGE_BYTES = ImageLimits.MAX_BYTES;

  private static final int SNIFF_BYTES = 512;

  private ImageReader() {}

  /**
   * Reads {@code file} in the format its extension or content names.
   *
   * @param baseAddress where a raw binary starts; other formats carry their own addresses and ignore it
   * @throws FlashException.BadImage when the file is malformed (names the file and the line or segment)
   * @throws FlashException.BadPlan when a raw binary has no base address
   * @throws IOException when the file cannot be read ({@link java.nio.file.NoSuchFileException} if missing)
   */
  public static Image read(Path file, Optional<Long> baseAddress)
      throws IOException, FlashException.BadImage, FlashException.BadPlan {
    return read(file, format(file), baseAddress);
  }

  /** Reads {@code file} as {@code format}, whatever its name says. */
  public static Image read(Path file, ImageFormat format, Optional<Long> baseAddress)
      throws IOException, FlashException.BadImage, FlashException.BadPlan {
    return switch (format) {
      case BINARY -> BinaryReader.read(file, baseAddress.orElseThrow(() -> new FlashException.BadPlan(
          file + " is a raw binary, which holds no addresses: give --base-address")));
      case INTEL_HEX -> IntelHexReader.read(file);
      case SREC -> SrecReader.read(file);
      case ELF -> ElfImageReader.read(file);
    };
  }

  /** The format of {@code file}: by extension, else by its first bytes. */
  public static ImageFormat format(Path file) throws IOException {
    Optional<ImageFormat> named = ImageFormat.byExtension(file.getFileName().toString());
    if (named.isPresent()) {
      return named.get();
    }
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(SNIFF_BYTES);
    }
    return sniff(head);
  }

  private static ImageFormat sniff(byte[] head) {
    if (head.length >= 4 && head[0] == 0x7F && head[1] == 'E' && head[2] == 'L' && head[3] == 'F') {
      return ImageFormat.ELF;
    }
    int i = 0;
    while (i < head.length && Character.isWhitespace(head[i])) {
      i++;
    }
    if (i < head.length && head[i] == ':') {
      return ImageFormat.INTEL_HEX;
    }
    if (i + 1 < head.length && head[i] == 'S' && head[i + 1] >= '0' && head[i + 1] <= '9') {
      return ImageFormat.SREC;
    }
    return ImageFormat.BINARY;
  }
}
