package dev.packs.cache;

import java.util.Objects;

/**
 * Some items of a {@code packs mirror} run failed. Everything else was mirrored, and the folder's
 * {@code index.pidx} and {@code SHA256SUMS} list what is complete; a rerun retries the rest.
 */
public final class MirrorException extends CacheException {
  private final MirrorResult result;

  public MirrorException(MirrorResult result) {
    super(result.failures().size() + " item(s) could not be mirrored into " + result.dir(), null);
    this.result = Objects.requireNonNull(result, "result");
  }

  public MirrorResult result() {
    return result;
  }
}
