package dev.packs.cache;

import java.net.URI;
import java.nio.file.Path;

/**
 * Progress and events of the cache. Every method does nothing by default; the CLI overrides what it
 * shows. Methods may be called from several threads at once during {@code update-index}.
 */
public interface CacheListener {
  CacheListener NONE = new CacheListener() {};

  /** Another process holds the root's lock; this one waits. {@code holder} is how it described itself. */
  default void waitingForLock(Path lockFile, String holder) {}

  /** A request is about to be sent (or a {@code file:} URL opened). */
  default void requestStarted(URI url) {}

  /** {@code done} of {@code total} bytes arrived; {@code total} is -1 when unknown. */
  default void bytesReceived(URI url, long done, long total) {}

  /** A request failed and will be tried again after {@code pauseMillis}. */
  default void retrying(URI url, int nextAttempt, String reason, long pauseMillis) {}

  /** One step of a batch finished ({@code done} of {@code total}), for example descriptors of the index. */
  default void batchProgress(String what, int done, int total) {}

  /** A pack was extracted into the root. */
  default void installed(InstalledPack pack) {}

  /** A pack was removed from the root. */
  default void removed(InstalledPack pack) {}

  /** The device database was brought up to date with the root's descriptors. */
  default void devicesIndexed(int indexed, int removed, int unchanged) {}

  /** Something odd but not fatal, one line (for example a descriptor the device database skipped). */
  default void warning(String message) {}

  /**
   * The device database read a descriptor but left out elements it could not read; called once per
   * read, one line per element naming the file and the element.
   */
  default void descriptorFlawed(java.nio.file.Path descriptor, java.util.List<String> problems) {}
}
