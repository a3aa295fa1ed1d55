package dev.packs.cache.internal.bundle;

import dev.packs.cache.internal.pack.Digests;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/** The SHA-256 of members of a pack archive, named as the descriptor names them. */
final class PackMembers {
  private PackMembers() {}

  /**
   * Digests of {@code members} (paths inside the pack folder, {@code \} or {@code /}) in {@code archive}
   * whose pack folder starts at {@code prefix}; a member the archive lacks is absent from the result.
   * Names match exactly, else without regard to case, as on the file systems vendors write packs on.
   */
  static Map<String, String> digests(Path archive, String prefix, Collection<String> members) throws IOException {
    Map<String, String> found = new LinkedHashMap<>();
    try (ZipFile zip = ZipFile.builder().setPath(archive).get()) {
      for (String member : members) {
        Optional<ZipArchiveEntry> entry = find(zip, prefix + member.replace('\\', '/'));
        if (entry.isPresent()) {
          found.put(member, digest(zip, entry.get()));
        }
      }
    }
    return found;
  }

  private static Optional<ZipArchiveEntry> find(ZipFile zip, String name) {
    ZipArchiveEntry exact = zip.getEntry(name);
    if (exact != null) {
      return Optional.of(exact);
    }
    String lower = name.toLowerCase(Locale.ROOT);
    return Collections.list(zip.getEntries()).stream()
        .filter(e -> e.getName().replace('\\', '/').toLowerCase(Locale.ROOT).equals(lower))
        .findFirst();
  }

  private static String digest(ZipFile zip, ZipArchiveEntry entry) throws IOException {
    MessageDigest sha = Digests.sha256();
    try (InputStream in = zip.getInputStream(entry)) {
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        sha.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(sha.digest());
  }
}
