package dev.packs.cache.internal.pack;

/** Zip entry names as packs write them, including Windows backslashes. */
final class EntryNames {
  private EntryNames() {}

  static String normalize(String name) {
    return name.replace('\\', '/');
  }

  /** False for absolute paths, drive letters and any {@code ..} segment. */
  static boolean isSafe(String raw) {
    String name = normalize(raw);
    if (name.isEmpty() || name.startsWith("/") || name.indexOf('\0') >= 0) {
      return false;
    }
    if (name.length() >= 2 && name.charAt(1) == ':') {
      return false;
    }
    for (String segment : name.split("/")) {
      if (segment.equals("..")) {
        return false;
      }
    }
    return true;
  }

  /** Number of folders above the entry: 0 at the top level. */
  static int depth(String name) {
    String trimmed = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
    return (int) trimmed.chars().filter(c -> c == '/').count();
  }

  /** The longest name a folder or file may have on common file systems (ext4, APFS, NTFS), in bytes. */
  static final int MAX_SEGMENT_BYTES = 255;

  /** The first path segment longer than {@link #MAX_SEGMENT_BYTES} in UTF-8, if any. */
  static java.util.Optional<String> tooLongSegment(String name) {
    for (String segment : normalize(name).split("/")) {
      if (segment.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_SEGMENT_BYTES) {
        return java.util.Optional.of(segment);
      }
    }
    return java.util.Optional.empty();
  }
}
