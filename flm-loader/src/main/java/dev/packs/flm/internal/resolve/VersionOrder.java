package dev.packs.flm.internal.resolve;

/**
 * Orders pack versions the semantic-versioning way: numbers compared as numbers, a pre-release
 * before its release, {@code +meta} ignored.
 */
final class VersionOrder {
  private VersionOrder() {}

  static boolean same(String a, String b) {
    return compare(a, b) == 0;
  }

  static int compare(String a, String b) {
    String[] x = core(a);
    String[] y = core(b);
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      int c = compareNumber(i < x.length ? x[i] : "0", i < y.length ? y[i] : "0");
      if (c != 0) {
        return c;
      }
    }
    String pa = pre(a);
    String pb = pre(b);
    if (pa.isEmpty() || pb.isEmpty()) {
      return Boolean.compare(pa.isEmpty(), pb.isEmpty());
    }
    return pa.compareTo(pb);
  }

  private static String strip(String v) {
    int plus = v.indexOf('+');
    return (plus < 0 ? v : v.substring(0, plus)).strip();
  }

  private static String[] core(String v) {
    String s = strip(v);
    int dash = s.indexOf('-');
    return (dash < 0 ? s : s.substring(0, dash)).split("\\.");
  }

  private static String pre(String v) {
    String s = strip(v);
    int dash = s.indexOf('-');
    return dash < 0 ? "" : s.substring(dash + 1);
  }

  private static int compareNumber(String a, String b) {
    try {
      return Long.compare(Long.parseLong(a), Long.parseLong(b));
    } catch (NumberFormatException e) {
      return a.compareTo(b);
    }
  }
}
