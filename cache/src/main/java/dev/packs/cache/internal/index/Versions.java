package dev.packs.cache.internal.index;

import dev.packs.index.Version;
import dev.packs.index.VersionRequirement;
import java.util.Comparator;
import java.util.Optional;

/**
 * Version strings as folder names and index entries carry them, ordered and matched with the index
 * module's {@link Version#TEXT_ORDER}; a string that is not a version sorts below every version.
 */
public final class Versions {
  public static final Comparator<String> ORDER = Version.TEXT_ORDER;

  private Versions() {}

  public static int compare(String a, String b) {
    return ORDER.compare(a, b);
  }

  public static boolean accepts(VersionRequirement requirement, String version) {
    return Optional.ofNullable(parse(version)).map(requirement::accepts).orElse(false);
  }

  /** The version without {@code +meta}, as folder and file names use it. */
  public static String stripMeta(String version) {
    int plus = version.indexOf('+');
    return plus < 0 ? version : version.substring(0, plus);
  }

  private static Version parse(String text) {
    return Version.tryParse(text).orElse(null);
  }
}
