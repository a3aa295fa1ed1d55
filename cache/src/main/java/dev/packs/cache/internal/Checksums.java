package dev.packs.cache.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * cpackget's {@code Vendor.Name.x.y.z.sha256.checksum}: one {@code <hex>  <member>} line per zip
 * member. Member names are relative to the zip, so a pack with a top folder lists it in front.
 */
final class Checksums {
  private Checksums() {}

  static String fileName(String vendor, String name, String version) {
    return vendor + "." + name + "." + version + ".sha256.checksum";
  }

  /** The first checksum file found in {@code dirs}. */
  static Optional<Path> find(String vendor, String name, String version, Path... dirs) {
    for (Path dir : dirs) {
      Path file = dir.resolve(fileName(vendor, name, version));
      if (Files.isRegularFile(file)) {
        return Optional.of(file);
      }
    }
    return Optional.empty();
  }

  /** Member name (with {@code prefix} removed) to lower-case hex digest. */
  static Map<String, String> read(Path file, String prefix) throws IOException {
    Map<String, String> digests = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file)) {
      String t = line.strip();
      int space = t.indexOf(' ');
      if (t.isEmpty() || space < 0) {
        continue;
      }
      String member = t.substring(space).strip().replace('\\', '/');
      if (member.startsWith("*")) {
        member = member.substring(1);
      }
      if (!prefix.isEmpty() && member.startsWith(prefix)) {
        member = member.substring(prefix.length());
      }
      digests.put(member, t.substring(0, space).toLowerCase(java.util.Locale.ROOT));
    }
    return digests;
  }
}
