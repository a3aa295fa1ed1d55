package dev.packs.project.internal.resolve;

import dev.packs.index.Version;
import java.util.Optional;

/**
 * Orders pack versions with the index module's {@link Version} (pre-release below release, {@code
 * +meta} ignored); text that is not a version sorts below every version, by its text.
 */
final class VersionOrder {
  private VersionOrder() {}

  static boolean same(String a, String b) {
    return compare(a, b) == 0;
  }

  static int compare(String a, String b) {
    Optional<Version> x = Version.tryParse(a);
    Optional<Version> y = Version.tryParse(b);
    if (x.isPresent() && y.isPresent()) {
      return x.get().compareTo(y.get());
    }
    if (x.isPresent() != y.isPresent()) {
      return x.isPresent() ? 1 : -1;
    }
    return a.compareTo(b);
  }
}
