package dev.packs.flash.internal.image;

import dev.packs.flash.FlashException;
import dev.packs.flash.Image;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads a raw binary: the whole file, as one segment at a base address the user gives. */
public final class BinaryReader {
  private BinaryReader() {}

  public static Image read(Path file, long base) throws IOException, FlashException.BadImage, FlashException.BadPlan {
    if (base < 0 || base >= ImageLimits.ADDRESS_SPACE) {
      throw new FlashException.BadPlan(String.format(
          "base address 0x%X for %s is outside the 32-bit address space", base, file));
    }
    long size = Files.size(file);
    if (size > ImageLimits.MAX_BYTES) {
      throw new FlashException.BadImage(file, "", String.format(
          "%d bytes is more than the %s packs accepts for one image", size, ImageLimits.mib(ImageLimits.MAX_BYTES)));
    }
    if (base + size > ImageLimits.ADDRESS_SPACE) {
      throw new FlashException.BadImage(file, "", String.format(
          "%d bytes at base address 0x%08X run past the end of the 32-bit address space", size, base));
    }
    byte[] data;
    try (InputStream in = Files.newInputStream(file)) {
      data = in.readNBytes((int) size); // no more than was checked, even if the file grows meanwhile
    }
    return Image.of(List.of(new Image.Segment(base, data)));
  }
}
