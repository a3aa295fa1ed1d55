package dev.packs.cache.internal.pack;

import dev.packs.cache.CacheConfig.ZipLimits;
import dev.packs.cache.CacheIoException;
import dev.packs.cache.InvalidPackException;
import dev.packs.cache.InvalidPackException.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Extracts an inspected pack into a folder, checking each entry's CRC and that no entry expands past
 * its declared size or the total cap. Returns the SHA-256 of every file written, by relative path.
 *
 * <p>A failure says which side failed: reading the archive ({@link InvalidPackException}: damaged
 * data, an entry larger than declared) or writing the folder ({@link CacheIoException}: the disk is
 * full, a name is too long). The caller removes the folder either way.
 */
public final class Extractor {
  private Extractor() {}

  public static Map<String, String> extract(Path zip, PackArchive.Inspected inspected, Path dest, ZipLimits limits)
      throws InvalidPackException, CacheIoException {
    Map<String, String> digests = new TreeMap<>();
    long[] total = {0};
    try (ZipFile file = ZipFile.builder().setPath(zip).get()) {
      createFolder(dest);
      for (ZipArchiveEntry entry : Collections.list(file.getEntries())) {
        String name = EntryNames.normalize(entry.getName());
        if (!name.startsWith(inspected.prefix()) || name.length() == inspected.prefix().length()) {
          continue;
        }
        String relative = name.substring(inspected.prefix().length());
        Path out = dest.resolve(relative).normalize();
        if (!out.startsWith(dest)) {
          throw PackArchive.invalid(inspected.source(), entry.getName(), Problem.UNSAFE_ENTRY, "escapes the pack folder");
        }
        if (entry.isDirectory()) {
          createFolder(out);
          continue;
        }
        createFolder(out.getParent());
        String digest = copy(file, entry, out, inspected.source(), limits, total);
        digests.put(stripSlash(relative), digest);
      }
    } catch (IOException e) { // opening the archive; reading and writing report their own side
      throw PackArchive.invalid(inspected.source(), null, Problem.NOT_A_ZIP, String.valueOf(e.getMessage()));
    }
    return digests;
  }

  private static String stripSlash(String relative) {
    return relative.endsWith("/") ? relative.substring(0, relative.length() - 1) : relative;
  }

  private static void createFolder(Path dir) throws CacheIoException {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new CacheIoException(dir, e);
    }
  }

  private static String copy(ZipFile file, ZipArchiveEntry entry, Path out, String source, ZipLimits limits, long[] total)
      throws InvalidPackException, CacheIoException {
    MessageDigest sha = Digests.sha256();
    CRC32 crc = new CRC32();
    long written = 0;
    try (InputStream in = open(file, entry, source);
        OutputStream os = create(out)) {
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = read(in, buffer, entry, source)) >= 0; ) {
        written += n;
        total[0] += n;
        if (written > entry.getSize()) {
          throw PackArchive.invalid(source, entry.getName(), Problem.LARGER_THAN_DECLARED,
              "inflates past the " + entry.getSize() + " bytes the archive declares for it");
        }
        if (total[0] > limits.maxExpandedBytes()) {
          throw PackArchive.invalid(source, entry.getName(), Problem.TOO_LARGE, "expands beyond " + limits.maxExpandedBytes() + " bytes");
        }
        write(os, buffer, n, out);
        sha.update(buffer, 0, n);
        crc.update(buffer, 0, n);
      }
    } catch (IOException e) { // closing the output: its last buffered bytes reach the disk here
      throw new CacheIoException(out, e);
    }
    if (written != entry.getSize() || (entry.getCrc() >= 0 && crc.getValue() != entry.getCrc())) {
      throw PackArchive.invalid(source, entry.getName(), Problem.NOT_A_ZIP, "entry data is damaged (size or CRC)");
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private static InputStream open(ZipFile file, ZipArchiveEntry entry, String source) throws InvalidPackException {
    try {
      return file.getInputStream(entry);
    } catch (IOException e) {
      throw PackArchive.invalid(source, entry.getName(), Problem.NOT_A_ZIP, "cannot read the entry: " + e.getMessage());
    }
  }

  /** A new file: an entry never replaces or follows what is already there. */
  private static OutputStream create(Path out) throws CacheIoException {
    try {
      return Files.newOutputStream(out, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new CacheIoException(out, e);
    }
  }

  private static int read(InputStream in, byte[] buffer, ZipArchiveEntry entry, String source) throws InvalidPackException {
    try {
      return in.read(buffer);
    } catch (IOException e) {
      throw PackArchive.invalid(source, entry.getName(), Problem.NOT_A_ZIP, "entry data is damaged: " + e.getMessage());
    }
  }

  private static void write(OutputStream os, byte[] buffer, int n, Path out) throws CacheIoException {
    try {
      os.write(buffer, 0, n);
    } catch (IOException e) {
      throw new CacheIoException(out, e);
    }
  }
}
