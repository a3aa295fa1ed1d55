package dev.packs.cache.internal.net;

import java.util.Optional;

/** What a server said about a body, so that the next request can be conditional. */
public record Validators(Optional<String> etag, Optional<String> lastModified) {
  public Validators {
    java.util.Objects.requireNonNull(etag, "etag");
    java.util.Objects.requireNonNull(lastModified, "lastModified");
  }

  public static Validators none() {
    return new Validators(Optional.empty(), Optional.empty());
  }

  public boolean isEmpty() {
    return etag.isEmpty() && lastModified.isEmpty();
  }
}
