package dev.packs.cache.internal;

import dev.packs.cache.CacheConfig;
import dev.packs.cache.CacheException;
import dev.packs.cache.CacheIoException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import dev.packs.cache.CacheListener;
import dev.packs.cache.PackRoot;
import dev.packs.cache.internal.disk.Leftovers;
import dev.packs.cache.internal.disk.RootLock;
import dev.packs.cache.internal.net.Transports;

/** What every phase of the cache shares: configuration, listener, transports and the root. */
public record Context(CacheConfig config, CacheListener listener, Transports transports) {
  public PackRoot root() {
    return config.root();
  }

  public RootLock lock(RootLock.Mode mode, String purpose) throws CacheException {
    return RootLock.acquire(root().stateDir(), mode, purpose, config.lockTimeout(), config.clock(), listener);
  }

  /**
   * Takes the exclusive lock, removes what killed runs left (see {@link Leftovers}), and makes sure
   * the folders cpackget's {@code init} creates exist, so that a root made by packs works with
   * cpackget and the reverse.
   */
  public RootLock lockForChange(String purpose) throws CacheException {
    RootLock lock = lock(RootLock.Mode.EXCLUSIVE, purpose);
    if (lock.outermost()) { // a nested change must not take its caller's files for leftovers
      Leftovers.clean(root());
    }
    for (Path dir : List.of(root().webDir(), root().downloadDir(), root().localDir())) {
      try {
        Files.createDirectories(dir);
      } catch (IOException e) {
        lock.close();
        throw new CacheIoException(dir, e);
      }
    }
    return lock;
  }
}
