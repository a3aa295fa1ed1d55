package dev.packs.index;

import dev.packs.index.internal.db.CatalogCodec;
import dev.packs.index.internal.db.DirLock;
import dev.packs.index.internal.db.PackFiles;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The device database: every device of every known descriptor, kept in a folder of compact binary
 * files so that {@code packs show} reads one small catalog and one pack file, without XML.
 *
 * <pre>
 * catalog.bin         every indexed pack: source, fingerprint, device and board names
 * packs/KEY-FP.bin    the effective devices of one descriptor
 * lock, lock.holder   FileChannel lock: shared to read, exclusive to write
 * </pre>
 *
 * Updates are per pack and atomic (write {@code .part}, then move), and safe across processes.
 * Every pack that provides a device is kept; {@link DeviceCatalog#providers} prefers the newest.
 */
public final class DeviceDatabase {
  private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(60);

  private final Path dir;
  private final PackFiles files;

  private DeviceDatabase(Path dir) {
    this.dir = dir.toAbsolutePath().normalize();
    this.files = new PackFiles(this.dir);
  }

  /** The database stored in {@code dir}; nothing is read or created until used. */
  public static DeviceDatabase at(Path dir) {
    return new DeviceDatabase(dir);
  }

  public Path dir() {
    return dir;
  }

  /** Hears about each descriptor the database reads. Every method defaults to doing nothing. */
  public interface Listener {
    /** A descriptor was read, with {@code devices} devices. */
    default void indexed(PackSource source, int devices) {}

    /** Something odd but not fatal about a descriptor, one line. */
    default void warning(String message) {}

    /** A descriptor could not be read; it provides no devices until it changes. */
    default void failed(PackSource source, IndexException error) {}

    /** A pack was dropped because its descriptor is gone. */
    default void removed(IndexedPack pack) {}
  }

  /**
   * What a sync changed, and the catalog as it stands afterwards (so a caller need not read it
   * again).
   */
  public record SyncReport(int indexed, int removed, int unchanged, DeviceCatalog catalog) {
    public SyncReport {
      java.util.Objects.requireNonNull(catalog, "catalog");
    }
  }

  /** The current catalog; empty when nothing was indexed yet. */
  public DeviceCatalog catalog() throws IndexException {
    if (!Files.exists(files.catalog())) {
      return new DeviceCatalog(List.of());
    }
    try (DirLock lock = lock(false)) {
      return new DeviceCatalog(files.readCatalog().orElse(List.of()));
    } catch (IOException e) {
      throw failure("cannot read the catalog", e);
    }
  }

  /**
   * Makes the database reflect exactly {@code sources}: reads the new and changed descriptors
   * (compared by size and modification time), drops packs whose source is gone, keeps the rest.
   * Checks under a shared lock first, so an up-to-date database costs one catalog read.
   */
  public SyncReport sync(List<PackSource> sources, Listener listener) throws IndexException {
    Map<String, PackSource> wanted = new LinkedHashMap<>();
    for (PackSource s : sources) {
      wanted.put(s.key(), s);
    }
    try {
      Map<String, long[]> stats = PackFiles.stat(wanted.values());
      if (stats.isEmpty() && !Files.exists(files.catalog())) {
        return new SyncReport(0, 0, 0, new DeviceCatalog(List.of())); // an empty root stays untouched
      }
      if (Files.exists(files.catalog())) {
        try (DirLock lock = lock(false)) {
          Optional<List<IndexedPack>> current = files.readCatalog();
          if (current.isPresent() && PackFiles.upToDate(current.get(), wanted, stats)) {
            return new SyncReport(0, 0, current.get().size(), new DeviceCatalog(current.get()));
          }
        }
      }
      try (DirLock lock = lock(true)) {
        return apply(wanted, stats, listener);
      }
    } catch (IOException e) {
      throw failure("cannot update", e);
    }
  }

  private SyncReport apply(Map<String, PackSource> wanted, Map<String, long[]> stats, Listener listener)
      throws IOException {
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
      if (old != null && PackFiles.same(old, s, st)) {
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
  public IndexedPack update(PackSource source, Listener listener) throws IndexException {
    try (DirLock lock = lock(true)) {
      long[] st = PackFiles.stat(List.of(source)).get(source.key());
      if (st == null) {
        throw new IndexException.DatabaseFailure(dir, "no such descriptor: " + source.descriptor(), null);
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
    } catch (IOException e) {
      throw failure("cannot update " + source.key(), e);
    }
  }

  /** Drops the pack stored under {@code key}, for example after removing a pack; true if it was there. */
  public boolean remove(String key) throws IndexException {
    try (DirLock lock = lock(true)) {
      List<IndexedPack> current = files.readCatalog().orElse(List.of());
      List<IndexedPack> next = current.stream().filter(p -> !p.source().key().equals(key)).toList();
      if (next.size() == current.size()) {
        return false;
      }
      files.writeCatalog(next);
      return true;
    } catch (IOException e) {
      throw failure("cannot remove " + key, e);
    }
  }

  /** The full effective device from one indexed pack. */
  public Optional<Device> device(IndexedPack pack, String name) throws IndexException {
    return stored(pack, name).map(PackFiles.Stored::device);
  }

  /** The warnings the descriptor gave about one device when it was indexed, e.g. a missing processor. */
  public List<String> warnings(IndexedPack pack, String name) throws IndexException {
    return stored(pack, name).map(PackFiles.Stored::warnings).orElse(List.of());
  }

  private Optional<PackFiles.Stored> stored(IndexedPack pack, String name) throws IndexException {
    try (DirLock lock = lock(false);
        InputStream in = new BufferedInputStream(Files.newInputStream(files.packFile(pack)), 1 << 16)) {
      return PackFiles.findDevice(new DataInputStream(in), name);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw failure("cannot read " + pack.source().key(), e);
    }
  }

  private DirLock lock(boolean exclusive) throws IndexException {
    try {
      return DirLock.acquire(dir, exclusive, LOCK_TIMEOUT)
          .orElseThrow(
              () ->
                  new IndexException.DatabaseFailure(
                      dir,
                      "still locked after " + LOCK_TIMEOUT.toSeconds() + " s by "
                          + DirLock.holder(dir),
                      null));
    } catch (IOException e) {
      throw failure("cannot lock", e);
    }
  }

  private IndexException failure(String what, IOException e) {
    return new IndexException.DatabaseFailure(dir, what + ": " + e, e);
  }
}
