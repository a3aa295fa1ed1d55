package dev.packs.index;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Every pack the database knows, with the names of their devices and boards. Several packs may
 * provide the same device; all are kept, and the newest is preferred.
 */
public record DeviceCatalog(List<IndexedPack> packs) {
  /** Newest version first; an installed copy before a web descriptor of the same version. */
  public static final Comparator<IndexedPack> PREFERRED =
      Comparator.comparing((IndexedPack p) -> p.source().origin() != PackSource.Origin.FILE)
          .thenComparing(
              p -> p.version().orElse(null), Comparator.nullsLast(Comparator.reverseOrder()))
          .thenComparing(p -> !p.installed());

  public DeviceCatalog {
    packs = List.copyOf(Objects.requireNonNull(packs, "packs"));
  }

  /** The packs that provide a device or variant of this name (case-insensitive), preferred first. */
  public List<IndexedPack> providers(String device) {
    return packs.stream()
        .filter(p -> p.devices().stream().anyMatch(d -> d.name().equalsIgnoreCase(device)))
        .sorted(PREFERRED)
        .toList();
  }

  /**
   * Devices, variants and boards whose name contains one of the patterns (case-insensitive), or
   * matches it as a glob when it has {@code *} or {@code ?}. Exact matches come first, then
   * prefixes, then other matches; each by name, then preferred pack.
   */
  public List<DeviceMatch> find(List<String> patterns) {
    List<Matcher> matchers = patterns.stream().map(Matcher::new).toList();
    List<DeviceMatch> out = new ArrayList<>();
    for (IndexedPack p : packs) {
      for (IndexedPack.DeviceName d : p.devices()) {
        int rank = rank(matchers, d.name());
        if (rank >= 0) {
          out.add(new DeviceMatch(d.name(), DeviceMatch.Kind.DEVICE, d.vendor(), p, List.of(), rank));
        }
      }
      for (IndexedPack.BoardName b : p.boards()) {
        int rank = rank(matchers, b.name());
        if (rank >= 0) {
          out.add(new DeviceMatch(b.name(), DeviceMatch.Kind.BOARD, b.vendor(), p, b.mountedDevices(), rank));
        }
      }
    }
    out.sort(
        Comparator.comparingInt(DeviceMatch::rank)
            .thenComparing(m -> m.name().toLowerCase(Locale.ROOT))
            .thenComparing(DeviceMatch::kind)
            .thenComparing(DeviceMatch::pack, PREFERRED));
    return onePerPackVersion(out);
  }

  /**
   * Keeps the first (preferred) row of each device and pack version: an installed copy and the
   * {@code .Web} descriptor of the same release are one row, marked installed.
   */
  private static List<DeviceMatch> onePerPackVersion(List<DeviceMatch> sorted) {
    java.util.Set<List<Object>> seen = new java.util.HashSet<>();
    return sorted.stream()
        .filter(m -> seen.add(List.of(m.name().toLowerCase(Locale.ROOT), m.kind(),
            m.pack().vendor(), m.pack().name(), m.pack().version().map(Version::toString).orElse(""))))
        .toList();
  }

  private static int rank(List<Matcher> matchers, String name) {
    int best = -1;
    for (Matcher m : matchers) {
      int r = m.rank(name);
      if (r >= 0 && (best < 0 || r < best)) {
        best = r;
      }
    }
    return best;
  }

  /** One pattern: a glob if it has wildcards, else a substring; never case-sensitive. */
  private static final class Matcher {
    private final String lower;
    private final Pattern glob;

    Matcher(String pattern) {
      this.lower = pattern.toLowerCase(Locale.ROOT);
      this.glob = lower.contains("*") || lower.contains("?") ? compile(lower) : null;
    }

    private static Pattern compile(String glob) {
      StringBuilder re = new StringBuilder();
      for (char c : glob.toCharArray()) {
        switch (c) {
          case '*' -> re.append(".*");
          case '?' -> re.append('.');
          default -> re.append(Pattern.quote(String.valueOf(c)));
        }
      }
      return Pattern.compile(re.toString());
    }

    /** 0 exact, 1 prefix or glob, 2 substring, -1 no match. */
    int rank(String name) {
      String n = name.toLowerCase(Locale.ROOT);
      if (n.equals(lower)) {
        return 0;
      }
      if (glob != null) {
        return glob.matcher(n).matches() ? 1 : -1;
      }
      if (n.startsWith(lower)) {
        return 1;
      }
      return n.contains(lower) ? 2 : -1;
    }
  }
}
