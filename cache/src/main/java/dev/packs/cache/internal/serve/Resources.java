package dev.packs.cache.internal.serve;

import java.io.IOException;
import java.net.URI;
import java.util.List;

/** What a server serves: a resource for each path it knows. */
interface Resources {
  /** The outcome of a lookup: a resource, or a status (403, 404) and why. */
  sealed interface Found {}

  record Hit(Resource resource) implements Found {}

  record Miss(int status, String reason) implements Found {}

  /**
   * Looks up {@code segments} (already checked by {@link RequestPath}); {@code requested} is the
   * absolute URL the client asked for, against which an index's relative URLs are resolved.
   */
  Found find(List<String> segments, URI requested) throws IOException;
}
