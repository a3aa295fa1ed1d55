package dev.packs.flash;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads an image file. A placeholder that reads raw binary only, so that the CLI compiles before the
 * image readers (Intel HEX, S-record, ELF) land; they replace this file.
 */
public final class ImageReader {
  private ImageReader() {}

  /**
   * Reads {@code file} as raw binary at {@code baseAddress}.
   *
   * @throws FlashException.BadImage when no base address is given or the file cannot be read
   */
  public static Image read(Path file, Optional<Long> baseAddress) throws FlashException {
    long base = baseAddress.orElseThrow(() -> new FlashException.BadImage(file, "",
        "a raw binary image needs --base-address"));
    try {
      return Image.of(List.of(new Image.Segment(base, Files.readAllBytes(file))));
    } catch (NoSuchFileException e) {
      throw new FlashException.BadImage(file, "", "no such file");
    } catch (IOException e) {
      throw new FlashException.BadImage(file, "", "cannot read: " + e.getMessage());
    }
  }
}
