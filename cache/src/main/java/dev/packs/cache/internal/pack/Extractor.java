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
 */
public final class Extractor {
  private Extractor() {}

  public static Map<String, String> extract(Path zip, PackArchive.Inspected inspected, Path dest, ZipLimits limits)
      throws InvalidPackException, CacheIoException {
    Map<String, String> digests = new TreeMap<>();
    long[] total = {0};
    try (ZipFile file = ZipFile.builder().setPath(zip).get()) {
      Files.createDirectories(dest);
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
          Files.createDirectories(out);
          continue;
        }
        Files.createDirectories(out.getParent());
        String digest = copy(file, entry, out, inspected.source(), limits, total);
        digests.put(stripSlash(relative), digest);
      }
    } catch (IOException e) {
      throw PackArchive.invalid(inspected.source(), null, Problem.NOT_A_ZIP, String.valueOf(e.getMessage()));
    }
    return digests;
  }

  private static String stripSlash(String relative) {
    return relative.endsWith("/") ? relative.substring(0, relative.length() - 1) : relative;
  }

  private static String copy(ZipFile file, ZipArchiveEntry entry, Path out, String source, ZipLimits limits, long[] total)
      throws IOException, InvalidPackException {
    MessageDigest sha = Digests.sha256();
    CRC32 crc = new CRC32();
    long written = 0;
    try (InputStream in = file.getInputStream(entry);
        OutputStream os = Files.newOutputStream(out)) {
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        written += n;
        total[0] += n;
        if (written > entry.getSize() || total[0] > limits.maxExpandedBytes()) {
          throw PackArchive.invalid(source, entry.getName(), Problem.TOO_LARGE, "expands beyond its declared size");
        }
        os.write(buffer, 0, n);
        sha.update(buffer, 0, n);
        crc.update(buffer, 0, n);
      }
    }
    if (written != entry.getSize() || (entry.getCrc() >= 0 && crc.getValue() != entry.getCrc())) {
      throw PackArchive.invalid(source, entry.getName(), Problem.NOT_A_ZIP, "entry data is damaged (size or CRC)");
    }
    return HexFormat.of().formatHex(sha.digest());
  }
}
