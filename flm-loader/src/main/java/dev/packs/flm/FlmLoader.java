package dev.packs.flm;

import dev.packs.flm.internal.FlmParser;
import dev.packs.flm.internal.elf.ElfFile;
import java.io.IOException;
import java.io.InputStream;

/**
 * Turns the bytes of an FLM file (a CMSIS flash algorithm: an ELF32 little-endian ARM executable) into
 * an immutable {@link FlashAlgorithm}. It reads only the bytes it is given and never fetches anything.
 */
public final class FlmLoader {
  /**
   * The largest FLM read: real ones are a few KiB to a few hundred KiB (debug information included),
   * and the image they load is capped at 16 MiB. A file beyond this is refused, not read.
   */
  public static final long MAX_FILE_BYTES = 64L << 20;

  private FlmLoader() {}

  /**
   * Parses an FLM.
   *
   * @param bytes the whole file; not modified and not retained
   * @param source a label naming the file in errors and in the result, e.g. its path
   * @throws FlmFormatException if the file is not a usable FLM; the subclass names the problem
   */
  public static FlashAlgorithm load(byte[] bytes, String source) {
    return FlmParser.parse(bytes, source);
  }

  /**
   * Parses an FLM from a stream, reading as little as it must: the ELF header first (a file that is
   * not an ARM ELF32, such as {@code /dev/zero} or a 3 GB video, is refused after 52 bytes), then the
   * rest up to {@link #MAX_FILE_BYTES} (a longer file is refused without being read further).
   *
   * @param in the file's bytes from the start; not closed
   * @throws IOException if reading fails
   * @throws FlmFormatException if the file is not a usable FLM
   */
  public static FlashAlgorithm load(InputStream in, String source) throws IOException {
    byte[] header = in.readNBytes(ElfFile.EHDR_SIZE);
    ElfFile.checkHeader(header, source);
    byte[] rest = in.readNBytes((int) (MAX_FILE_BYTES - header.length + 1));
    if (header.length + (long) rest.length > MAX_FILE_BYTES) {
      throw new FlmFormatException.TooLarge(source, MAX_FILE_BYTES);
    }
    byte[] all = new byte[header.length + rest.length];
    System.arraycopy(header, 0, all, 0, header.length);
    System.arraycopy(rest, 0, all, header.length, rest.length);
    return FlmParser.parse(all, source);
  }
}
