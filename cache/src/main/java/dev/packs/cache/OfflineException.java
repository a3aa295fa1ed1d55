package dev.packs.cache;

import java.net.URI;
import java.util.Objects;

/** Offline mode is on and {@code what} is not on disk; {@code from} is where it would have come from. */
public final class OfflineException extends CacheException {
  private final String what;
  private final URI from;

  public OfflineException(String what, URI from) {
    super("offline: " + what + " is not in the pack root; it would be downloaded from " + from, null);
    this.what = Objects.requireNonNull(what, "what");
    this.from = Objects.requireNonNull(from, "from");
  }

  public String what() {
    return what;
  }

  public URI from() {
    return from;
  }
}
