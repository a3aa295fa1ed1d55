package dev.packs.cache;

import java.io.IOException;
import java.nio.file.Path;

/** Events of the {@link AlgorithmCache}, for progress, diagnostics and benchmarks. All default to no-ops. */
public interface AlgorithmCacheListener {
  AlgorithmCacheListener NONE = new AlgorithmCacheListener() {};

  /** The FLM itself (a file, or an entry of a pack) is about to be opened: a cache miss. */
  default void sourceOpened(String source) {}

  /** A cache file was read. */
  default void cacheFileRead(Path file) {}

  /** The algorithm for {@code key} came from the cache. */
  default void hit(String key, String sha256) {}

  /** A parsed algorithm was written to the cache. */
  default void stored(Path file) {}

  /** A cache file was unreadable or stale and will be rebuilt. */
  default void discarded(Path file, String reason) {}

  /** The cache could not be written; the algorithm is still returned, just not remembered. */
  default void storeFailed(Path file, IOException cause) {}
}
