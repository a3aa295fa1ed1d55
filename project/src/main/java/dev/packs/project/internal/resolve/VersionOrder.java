package dev.packs.project.internal.resolve;

import dev.packs.index.Version;

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
    return Version.TEXT_ORDER.compare(a, b);
  }
}
