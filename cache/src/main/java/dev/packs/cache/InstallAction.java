package dev.packs.cache;

import java.util.Objects;
import java.util.Optional;

/**
 * One thing {@code install} did for one pack.
 *
 * @param pack the pack concerned
 * @param kind what happened
 * @param source where the archive came from (URL or file), empty when nothing was fetched
 * @param sha256 the archive's SHA-256, empty when nothing was extracted
 */
public record InstallAction(InstalledPack pack, Kind kind, Optional<String> source, Optional<String> sha256) {
  /** What {@code install} did. */
  public enum Kind {
    INSTALLED,
    ALREADY_INSTALLED,
    /** A {@code .pdsc} was registered in {@code .Local/local_repository.pidx}. */
    REGISTERED_LOCAL
  }

  public InstallAction {
    Objects.requireNonNull(pack, "pack");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(sha256, "sha256");
  }
}
