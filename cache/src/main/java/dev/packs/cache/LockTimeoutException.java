package dev.packs.cache;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/** Another process held the pack-root lock for longer than the lock timeout. */
public final class LockTimeoutException extends CacheException {
  private final Path lockFile;
  private final String holder;

  public LockTimeoutException(Path lockFile, String holder, Duration waited) {
    super("timed out after " + waited.toSeconds() + " s waiting for the lock " + lockFile + " held by " + holder, null);
    this.lockFile = Objects.requireNonNull(lockFile, "lockFile");
    this.holder = Objects.requireNonNull(holder, "holder");
  }

  public Path lockFile() {
    return lockFile;
  }

  /** Who held the lock, as that process described itself. */
  public String holder() {
    return holder;
  }
}
