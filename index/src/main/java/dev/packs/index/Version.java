package dev.packs.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A semantic version as packs publish them: {@code MAJOR.MINOR.PATCH[-pre][+meta]}. A pre-release
 * orders below its release, and {@code +meta} is kept for display but ignored for order and
 * equality. Vendors also publish {@code 1.0}; missing parts read as 0.
 */
public final class Version implements Comparable<Version> {
  private final long major;
  private final long minor;
  private final long patch;
  private final List<String> pre;
  private final String text;

  private Version(long major, long minor, long patch, List<String> pre, String text) {
    this.major = major;
    this.minor = minor;
    this.patch = patch;
    this.pre = List.copyOf(pre);
    this.text = text;
  }

  /**
   * The one order of version strings as folder names, index entries and pins carry them: versions by
   * {@link #compareTo}; text that is not a version sorts below every version, and by its characters
   * among such texts, so the order is total and two different non-versions never tie.
   */
  public static final java.util.Comparator<String> TEXT_ORDER = Version::compareText;

  private static int compareText(String a, String b) {
    Optional<Version> x = tryParse(a);
    Optional<Version> y = tryParse(b);
    if (x.isPresent() && y.isPresent()) {
      return x.get().compareTo(y.get());
    }
    if (x.isPresent() != y.isPresent()) {
      return x.isPresent() ? 1 : -1;
    }
    return a.compareTo(b);
  }

  /**
   * Reads a version.
   *
   * @throws IllegalArgumentException naming the text when it is not a version
   */
  public static Version parse(String text) {
    return tryParse(text)
        .orElseThrow(() -> new IllegalArgumentException("not a version: '" + text + "'"));
  }

  /** Reads a version, or returns empty when the text is not one. */
  public static Optional<Version> tryParse(String text) {
    String s = text.trim();
    int plus = s.indexOf('+');
    String core = plus < 0 ? s : s.substring(0, plus);
    int dash = core.indexOf('-');
    String numbers = dash < 0 ? core : core.substring(0, dash);
    String[] parts = numbers.split("\\.", -1);
    if (numbers.isEmpty() || parts.length > 3) {
      return Optional.empty();
    }
    long[] n = new long[3];
    for (int i = 0; i < parts.length; i++) {
      if (!isDigits(parts[i]) || parts[i].length() > 18) {
        return Optional.empty();
      }
      n[i] = Long.parseLong(parts[i]);
    }
    List<String> pre = new ArrayList<>();
    if (dash >= 0) {
      for (String id : core.substring(dash + 1).split("\\.", -1)) {
        if (id.isEmpty() || !id.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-')) {
          return Optional.empty();
        }
        pre.add(id);
      }
    }
    return Optional.of(new Version(n[0], n[1], n[2], pre, s));
  }

  private static boolean isDigits(String s) {
    return !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  public long major() {
    return major;
  }

  public long minor() {
    return minor;
  }

  public long patch() {
    return patch;
  }

  public boolean isPreRelease() {
    return !pre.isEmpty();
  }

  /** The version without {@code +meta}: the form used in folder and file names. */
  public String withoutMeta() {
    int plus = text.indexOf('+');
    return plus < 0 ? text : text.substring(0, plus);
  }

  @Override
  public int compareTo(Version o) {
    int c = Long.compare(major, o.major);
    if (c == 0) {
      c = Long.compare(minor, o.minor);
    }
    if (c == 0) {
      c = Long.compare(patch, o.patch);
    }
    return c != 0 ? c : comparePre(pre, o.pre);
  }

  private static int comparePre(List<String> a, List<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return Boolean.compare(a.isEmpty(), b.isEmpty());
    }
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = compareIdentifier(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  private static int compareIdentifier(String x, String y) {
    boolean xn = isDigits(x);
    boolean yn = isDigits(y);
    if (xn && yn) {
      return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
    }
    if (xn != yn) {
      return xn ? -1 : 1;
    }
    return x.compareTo(y);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Version v && compareTo(v) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(major, minor, patch, pre);
  }

  /** The version as written, including any {@code +meta}. */
  @Override
  public String toString() {
    return text;
  }
}
