package dev.packs.cache.internal.serve;

import java.util.Optional;

/**
 * One {@code Range: bytes=...} range, resolved against the resource size. Several ranges, other
 * units or malformed values are ignored (the whole body is sent, as RFC 9110 allows); a range that
 * starts beyond the end is unsatisfiable (416).
 */
record ByteRange(long first, long last) {
  /** The outcome of reading a Range header. */
  sealed interface Parsed {}

  record Whole() implements Parsed {}

  record Part(ByteRange range) implements Parsed {}

  record Unsatisfiable() implements Parsed {}

  long length() {
    return last - first + 1;
  }

  static Parsed parse(Optional<String> header, long size) {
    if (header.isEmpty()) {
      return new Whole();
    }
    String h = header.get().strip();
    if (!h.startsWith("bytes=") || h.indexOf(',') >= 0) {
      return new Whole();
    }
    String spec = h.substring("bytes=".length()).strip();
    int dash = spec.indexOf('-');
    if (dash < 0) {
      return new Whole();
    }
    try {
      String a = spec.substring(0, dash).strip();
      String b = spec.substring(dash + 1).strip();
      if (a.isEmpty()) {
        long suffix = Long.parseLong(b);
        if (suffix <= 0) {
          return new Unsatisfiable();
        }
        return size == 0 ? new Unsatisfiable() : new Part(new ByteRange(Math.max(0, size - suffix), size - 1));
      }
      long first = Long.parseLong(a);
      long last = b.isEmpty() ? size - 1 : Math.min(Long.parseLong(b), size - 1);
      if (first < 0 || (!b.isEmpty() && Long.parseLong(b) < first)) {
        return new Whole();
      }
      return first >= size ? new Unsatisfiable() : new Part(new ByteRange(first, last));
    } catch (NumberFormatException e) {
      return new Whole();
    }
  }
}
