package dev.packs.cache;

import dev.packs.cache.internal.db.DeviceFiles;
import dev.packs.cache.internal.disk.RootLock;
import dev.packs.index.Device;
import dev.packs.index.DeviceCatalog;
import dev.packs.index.DeviceDatabaseCodec;
import dev.packs.index.IndexException;
import dev.packs.index.IndexedPack;
import dev.packs.index.PackSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The device database of a pack root: every device of every known descriptor, kept under {@code
 * .packs/devices/} in compact binary files so that {@code packs show} reads one small catalog and one
 * pack file, without XML.
 *
 * <pre>
 * catalog.bin         every indexed pack: source, fingerprint, device and board names
 * packs/KEY-FP.bin    the effective devices of one descriptor
 * </pre>
 *
 * Reads take the pack root's lock shared and writes take it exclusive (the one {@code .packs/lock} of
 * the cache), so an install and a {@code show} in two processes never see half a database. Every file
 * is written to {@code .part} and moved into place. Every pack that provides a device is kept; {@link
 * DeviceCatalog#providers} prefers the newest.
 */
public final class DeviceDatabase {
  private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(60);

  private final PackRoot root;
  private final DeviceFiles files;
  private final Duration lockTimeout;
  private final Clock clock;
  private final CacheListener lockListener;

  private DeviceDatabase(PackRoot root, Duration lockTimeout, Clock clock, CacheListener lockListener) {
    this.root = Objects.requireNonNull(root, "root");
    this.files = new DeviceFiles(root.deviceDatabaseDir());
    this.lockTimeout = Objects.requireNonNull(lockTimeout, "lockTimeout");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.lockListener = Objects.requireNonNull(lockListener, "lockListener");
  }

  /** The database of {@code root}; nothing is read or created until used. */
  public static DeviceDatabase of(PackRoot root) {
    return new DeviceDatabase(root, LOCK_TIMEOUT, Clock.systemUTC(), new CacheListener() {});
  }

  /** As {@link #of(PackRoot)}, telling {@code listener} when it waits for another process's lock. */
  public static DeviceDatabase of(PackRoot root, Duration lockTimeout, Clock clock, CacheListener listener) {
    return new DeviceDatabase(root, lockTimeout, clock, listener);
  }

  public Path dir() {
    return root.deviceDatabaseDir();
  }

  /** Hears about each descriptor the database reads. Every method defaults to doing nothing. */
  public interface Listener {
    /** A descriptor was read, with {@code devices} devices. */
    default void indexed(PackSource source, int devices) {}

    /** Something odd but not fatal about a descriptor, one line. */
    default void warning(String message) {}

    /** A descriptor could not be read; it provides no devices until it changes. */
    default void failed(PackSource source, IndexException error) {}

    /**
     * A descriptor was read, but some of its elements could not be and were left out; called once
     * each time the descriptor is read, with one line per element naming the file and the element.
     */
    default void flawed(PackSource source, List<String> problems) {}

    /** A pack was dropped because its descriptor is gone. */
    default void removed(IndexedPack pack) {}
  }

  /**
   * What a sync changed, and the catalog as it stands afterwards (so a caller need not read it
   * again).
   */
  public record SyncReport(int indexed, int removed, int unchanged, DeviceCatalog catalog) {
    public SyncReport {
      Objects.requireNonNull(catalog, "catalog");
    }
  }

  /** The current catalog; empty when nothing was indexed yet. */
  public DeviceCatalog catalog() throws DeviceDatabaseException {
    if (!Files.exists(files.catalog())) {
      return new DeviceCatalog(List.of());
    }
    try (RootLock lock = lock(RootLock.Mode.SHARED, "read the device database")) {
      return new DeviceCatalog(files.readCatalog().orElse(List.of()));
    } catch (IOException | CacheException e) {
      throw failure(e);
    }
  }

  /**
   * Makes the database reflect exactly {@code sources}: reads the new and changed descriptors
   * (compared by size and modification time), drops packs whose source is gone, keeps the rest.
   * Checks under a shared lock first, so an up-to-date database costs one catalog read.
   */
  public SyncReport sync(List<PackSource> sources, Listener listener) throws DeviceDatabaseException {
    Map<String, PackSource> wanted = new LinkedHashMap<>();
    for (PackSource s : sources) {
      wanted.put(s.key(), s);
    }
    try {
      Map<String, long[]> stats = DeviceFiles.stat(wanted.values());
      if (stats.isEmpty() && !Files.exists(files.catalog())) {
        return new SyncReport(0, 0, 0, new DeviceCatalog(List.of())); // an empty root stays untouched
      }
      if (Files.exists(files.catalog())) {
        try (RootLock lock = lock(RootLock.Mode.SHARED, "read the device database")) {
          Optional<List<IndexedPack>> current = files.readCatalog();
          if (current.isPresent() && DeviceFiles.upToDate(current.get(), wanted, stats)) {
            return new SyncReport(0, 0, current.get().size(), new DeviceCatalog(current.get()));
          }
        }
      }
      try (RootLock lock = lock(RootLock.Mode.EXCLUSIVE, "update the device database")) {
        return apply(wanted, DeviceFiles.stat(wanted.values()), listener);
      }
    } catch (IOException | CacheException e) {
      throw failure(e);
    }
  }

  private SyncReport apply(Map<String, PackSource> wanted, Map<String, long[]> stats, Listener listener)
      throws IOException, CacheIoException {
    List<IndexedPack> current = files.readCatalog().orElse(List.of());
    List<IndexedPack> next = new ArrayList<>();
    int indexed = 0;
    int removed = 0;
    int unchanged = 0;
    Map<String, IndexedPack> byKey = new LinkedHashMap<>();
    for (IndexedPack p : current) {
      byKey.put(p.source().key(), p);
    }
    for (IndexedPack p : current) {
      if (!wanted.containsKey(p.source().key()) || !stats.containsKey(p.source().key())) {
        removed++;
        listener.removed(p);
      }
    }
    for (PackSource s : wanted.values()) {
      long[] st = stats.get(s.key());
      if (st == null) {
        continue; // the file vanished between listing and reading
      }
      IndexedPack old = byKey.get(s.key());
      if (old != null && DeviceFiles.same(old, s, st)) {
        next.add(old);
        unchanged++;
      } else {
        next.add(files.index(s, st, listener));
        indexed++;
      }
    }
    files.writeCatalog(next);
    return new SyncReport(indexed, removed, unchanged, new DeviceCatalog(next));
  }

  /**
   * Reads one descriptor into the database, replacing what its key held before. Call this after
   * installing a pack; other packs are left alone.
   */
  public IndexedPack update(PackSource source, Listener listener) throws DeviceDatabaseException {
    try (RootLock lock = lock(RootLock.Mode.EXCLUSIVE, "update the device database")) {
      long[] st = DeviceFiles.stat(List.of(source)).get(source.key());
      if (st == null) {
        throw new DeviceDatabaseException(dir(), "no such descriptor: " + source.descriptor(), null);
      }
      IndexedPack p = files.index(source, st, listener);
      List<IndexedPack> next = new ArrayList<>();
      for (IndexedPack old : files.readCatalog().orElse(List.of())) {
        if (!old.source().key().equals(source.key())) {
          next.add(old);
        }
      }
      next.add(p);
      files.writeCatalog(next);
      return p;
    } catch (IOException | CacheIoException | LockTimeoutException e) {
      throw failure(e);
    }
  }

  /** Drops the pack stored under {@code key}, for example after removing a pack; true if it was there. */
  public boolean remove(String key) throws DeviceDatabaseException {
    try (RootLock lock = lock(RootLock.Mode.EXCLUSIVE, "update the device database")) {
      List<IndexedPack> current = files.readCatalog().orElse(List.of());
      List<IndexedPack> next = current.stream().filter(p -> !p.source().key().equals(key)).toList();
      if (next.size() == current.size()) {
        return false;
      }
      files.writeCatalog(next);
      return true;
    } catch (IOException | CacheException e) {
      throw failure(e);
    }
  }

  /** The full effective device from one indexed pack. */
  public Optional<Device> device(IndexedPack pack, String name) throws DeviceDatabaseException {
    return stored(pack, name).map(DeviceDatabaseCodec.StoredDevice::device);
  }

  /** The warnings the descriptor gave about one device when it was indexed, e.g. a missing processor. */
  public List<String> warnings(IndexedPack pack, String name) throws DeviceDatabaseException {
    return stored(pack, name).map(DeviceDatabaseCodec.StoredDevice::warnings).orElse(List.of());
  }

  private Optional<DeviceDatabaseCodec.StoredDevice> stored(IndexedPack pack, String name)
      throws DeviceDatabaseException {
    try (RootLock lock = lock(RootLock.Mode.SHARED, "read the device database")) {
      return files.findDevice(pack, name);
    } catch (IOException | CacheException e) {
      throw failure(e);
    }
  }

  private RootLock lock(RootLock.Mode mode, String purpose) throws LockTimeoutException, CacheIoException {
    return RootLock.acquire(root.stateDir(), mode, purpose, lockTimeout, clock, lockListener);
  }

  private DeviceDatabaseException failure(Exception e) {
    if (e instanceof DeviceDatabaseException d) {
      return d;
    }
    return new DeviceDatabaseException(dir(), e.getMessage(), e);
  }
}
