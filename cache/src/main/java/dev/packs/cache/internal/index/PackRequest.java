package dev.packs.cache.internal.index;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pack as the user names it: {@code Vendor::Name[@1.2.3|@^1.2.3|@~1.2.3|@>=1.2.3|>=1.2.3|@latest]},
 * {@code Vendor.Name[.1.2.3]} or a bare {@code Name}.
 */
public record PackRequest(Optional<String> vendor, String name, Optional<String> range, String text) {
  private static final String ID = "[-_A-Za-z0-9]+";
  private static final Pattern LEGACY =
      Pattern.compile("(" + ID + ")::(" + ID + ")(?:(@\\^|@~|@>=|>=|@)(latest|[0-9][-+.A-Za-z0-9]*))?");
  private static final Pattern DOTTED = Pattern.compile("(" + ID + ")\\.(" + ID + ")(?:\\.([0-9]+\\.[0-9]+\\.[0-9]+[-+.A-Za-z0-9]*))?");
  private static final Pattern BARE = Pattern.compile(ID);

  public static PackRequest parse(String text) {
    String t = text.strip();
    Matcher m = LEGACY.matcher(t);
    if (m.matches()) {
      Optional<String> range = Optional.empty();
      if (m.group(3) != null) {
        String op = m.group(3).replace("@", "");
        range = Optional.of(m.group(4).equals("latest") ? "latest" : op + m.group(4));
      }
      return new PackRequest(Optional.of(m.group(1)), m.group(2), range, t);
    }
    m = DOTTED.matcher(t);
    if (m.matches()) {
      return new PackRequest(Optional.of(m.group(1)), m.group(2), Optional.ofNullable(m.group(3)), t);
    }
    if (BARE.matcher(t).matches()) {
      return new PackRequest(Optional.empty(), t, Optional.empty(), t);
    }
    throw new IllegalArgumentException("not a pack ID: '" + text + "' (expected Vendor::Name[@version], Vendor.Name[.x.y.z] or Name)");
  }

  /** True for {@code @latest}: install the newest even when one is installed. */
  public boolean wantsLatest() {
    return range.filter("latest"::equals).isPresent();
  }

  /** True when a specific version or range was given. */
  public boolean pinned() {
    return range.isPresent() && !wantsLatest();
  }
}
