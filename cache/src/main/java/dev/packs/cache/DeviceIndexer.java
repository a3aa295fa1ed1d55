package dev.packs.cache;

import dev.packs.cache.internal.root.DescriptorFiles;
import dev.packs.cache.internal.root.RootScanner;

import dev.packs.index.IndexException;
import dev.packs.index.PackDescriptor;
import dev.packs.index.PackSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Keeps the device database of a pack root in step with its descriptors. Call {@link #refresh}
 * after installing or removing packs (or before a query): only descriptors whose size or
 * modification time changed are read again.
 */
public final class DeviceIndexer {
  private final PackRoot root;

  public DeviceIndexer(PackRoot root) {
    this.root = Objects.requireNonNull(root, "root");
  }

  /** The database under {@code .packs/devices} of the root. */
  public DeviceDatabase database() {
    return DeviceDatabase.of(root);
  }

  /** The descriptors of the root: {@code .Web}, installed packs and local repository packs. */
  public List<PackSource> sources(DeviceDatabase.Listener listener) throws IOException {
    return new RootScanner(root.path(), root.webDir(), root.localRepositoryIndex()).scan(listener::warning);
  }

  /** Scans the root and brings the database up to date, incrementally and atomically. */
  public DeviceDatabase.SyncReport refresh(DeviceDatabase.Listener listener) throws DeviceDatabaseException {
    List<PackSource> sources;
    try {
      sources = sources(listener);
    } catch (IOException e) {
      throw new DeviceDatabaseException(root.deviceDatabaseDir(), "cannot scan the pack root " + root.path() + ": " + e, e);
    }
    return database().sync(sources, listener);
  }

  /**
   * Reads a {@code .pdsc} file, or the descriptor inside a {@code .pack} or {@code .zip} after the
   * archive checks {@code install} applies with the default {@link CacheConfig.ZipLimits}.
   *
   * @throws InvalidPackException if the archive fails those checks
   */
  public static PackDescriptor readDescriptor(Path pdscOrPack) throws IndexException, IOException, InvalidPackException {
    return DescriptorFiles.read(pdscOrPack, CacheConfig.ZipLimits.defaults());
  }
}
