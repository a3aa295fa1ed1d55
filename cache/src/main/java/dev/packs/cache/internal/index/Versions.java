package dev.packs.cache.internal.index;

import java.util.Optional;

/** Semantic-version ordering and the range forms packs use: {@code ^}, {@code ~}, {@code >=} and {@code a:b}. */
public final class Versions {
  private Versions() {}

  /** Orders by major.minor.patch numerically, then a release above any {@code -pre}; {@code +meta} ignored. */
  public static int compare(String a, String b) {
    String[] pa = core(a);
    String[] pb = core(b);
    for (int i = 0; i < 3; i++) {
      int c = Long.compare(number(pa, i), number(pb, i));
      if (c != 0) {
        return c;
      }
    }
    Optional<String> preA = pre(a);
    Optional<String> preB = pre(b);
    if (preA.isEmpty() || preB.isEmpty()) {
      return Boolean.compare(preA.isEmpty(), preB.isEmpty());
    }
    return preA.get().compareTo(preB.get());
  }

  /** Does {@code version} satisfy the requirement range? An empty range accepts anything. */
  public static boolean satisfies(String version, Optional<String> range) {
    if (range.isEmpty() || range.get().isBlank() || range.get().equals("latest")) {
      return true;
    }
    String r = range.get().strip();
    if (r.startsWith("^")) {
      return compare(version, r.substring(1)) >= 0 && number(core(version), 0) == number(core(r.substring(1)), 0);
    }
    if (r.startsWith("~")) {
      String base = r.substring(1);
      return compare(version, base) >= 0
          && number(core(version), 0) == number(core(base), 0)
          && number(core(version), 1) == number(core(base), 1);
    }
    if (r.startsWith(">=")) {
      return compare(version, r.substring(2)) >= 0;
    }
    int colon = r.indexOf(':');
    if (colon >= 0) {
      String low = r.substring(0, colon);
      String high = r.substring(colon + 1);
      return compare(version, low) >= 0 && (high.isEmpty() || high.equals("_") || compare(version, high) <= 0);
    }
    return compare(version, r) == 0;
  }

  /** The version without {@code +meta}, as folder names use it. */
  public static String stripMeta(String version) {
    int plus = version.indexOf('+');
    return plus < 0 ? version : version.substring(0, plus);
  }

  private static String[] core(String v) {
    String s = stripMeta(v.strip());
    int dash = s.indexOf('-');
    return (dash < 0 ? s : s.substring(0, dash)).split("\\.");
  }

  private static Optional<String> pre(String v) {
    String s = stripMeta(v.strip());
    int dash = s.indexOf('-');
    return dash < 0 ? Optional.empty() : Optional.of(s.substring(dash + 1));
  }

  private static long number(String[] parts, int i) {
    if (i >= parts.length) {
      return 0;
    }
    String digits = parts[i].replaceAll("[^0-9].*$", "");
    return digits.isEmpty() ? 0 : Long.parseLong(digits.length() > 18 ? digits.substring(0, 18) : digits);
  }
}
