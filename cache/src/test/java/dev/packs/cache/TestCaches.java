package dev.packs.cache;

import dev.packs.cache.internal.pack.Digests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Configurations with short timeouts and backoffs, and a snapshot of a root to prove it unchanged. */
final class TestCaches {
  private TestCaches() {}

  static CacheConfig.Builder config(Path root, URI indexUrl) {
    return CacheConfig.builder(new PackRoot(root))
        .indexUrl(indexUrl)
        .timeouts(new CacheConfig.Timeouts(Duration.ofSeconds(2), Duration.ofMillis(700), Duration.ofSeconds(20)))
        .retry(new CacheConfig.RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(40)))
        .lockTimeout(Duration.ofSeconds(30));
  }

  static PackCache open(Path root, URI indexUrl) {
    return PackCache.open(config(root, indexUrl).build(), CacheListener.NONE);
  }

  /** Every file under the root with its SHA-256, except the lock files which exist by design. */
  static Map<String, String> snapshot(Path root) {
    Map<String, String> files = new TreeMap<>();
    if (!Files.exists(root)) {
      return files;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.toList()) {
        String rel = root.relativize(p).toString();
        if (rel.startsWith(".packs/lock")) {
          continue;
        }
        files.put(rel, Files.isDirectory(p) ? "dir" : Digests.sha256(p));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }
}
