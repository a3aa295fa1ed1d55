package dev.packs.cache.internal.db;

import dev.packs.cache.CacheIoException;
import dev.packs.cache.DeviceDatabase;
import dev.packs.cache.AtomicFiles;
import dev.packs.index.DeviceDatabaseCodec;
import dev.packs.index.DeviceResolver;
import dev.packs.index.IndexException;
import dev.packs.index.IndexedPack;
import dev.packs.index.PackDescriptor;
import dev.packs.index.PackSource;
import dev.packs.index.PdscReader;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The files of the device database: where they are, and reading and replacing them. Callers hold the lock. */
public final class DeviceFiles {
  private final Path dir;

  public DeviceFiles(Path dir) {
    this.dir = dir;
  }

  public Path catalog() {
    return dir.resolve("catalog.bin");
  }

  private Path packsDir() {
    return dir.resolve("packs");
  }

  public Path packFile(IndexedPack p) {
    String safe = p.source().key().replaceAll("[^A-Za-z0-9._-]", "_");
    return packsDir()
        .resolve(safe + "-" + Long.toHexString(p.size()) + "-" + Long.toHexString(p.modified()) + ".bin");
  }

  /** The catalog, or empty when missing or of another format (it is then rebuilt). */
  public Optional<List<IndexedPack>> readCatalog() throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(catalog()), 1 << 16)) {
      return Optional.of(DeviceDatabaseCodec.readCatalog(new DataInputStream(in)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (java.io.EOFException | java.io.StreamCorruptedException | java.io.UTFDataFormatException e) {
      return Optional.empty(); // truncated, foreign or older format: rebuild
    }
  }

  /** Replaces the catalog atomically, then deletes pack files it no longer names. */
  public void writeCatalog(List<IndexedPack> packs) throws IOException, CacheIoException {
    AtomicFiles.writeData(catalog(), out -> DeviceDatabaseCodec.writeCatalog(out, packs));
    Set<Path> keep = new HashSet<>();
    for (IndexedPack p : packs) {
      keep.add(packFile(p).getFileName());
    }
    if (Files.isDirectory(packsDir())) {
      try (DirectoryStream<Path> all = Files.newDirectoryStream(packsDir())) {
        for (Path f : all) {
          if (!keep.contains(f.getFileName())) {
            Files.deleteIfExists(f);
          }
        }
      }
    }
  }

  /** Size and modification time of each source that exists, by key. */
  public static Map<String, long[]> stat(Collection<PackSource> sources) {
    Map<String, long[]> out = new LinkedHashMap<>();
    for (PackSource s : sources) {
      try {
        BasicFileAttributes a = Files.readAttributes(s.descriptor(), BasicFileAttributes.class);
        out.put(s.key(), new long[] {a.size(), a.lastModifiedTime().toMillis()});
      } catch (IOException e) {
        // a source that cannot be read is treated as gone
      }
    }
    return out;
  }

  public static boolean same(IndexedPack p, PackSource s, long[] st) {
    return p.source().equals(s) && p.size() == st[0] && p.modified() == st[1];
  }

  public static boolean upToDate(
      List<IndexedPack> current, Map<String, PackSource> wanted, Map<String, long[]> stats) {
    if (current.size() != stats.size()) {
      return false;
    }
    for (IndexedPack p : current) {
      PackSource s = wanted.get(p.source().key());
      long[] st = stats.get(p.source().key());
      if (s == null || st == null || !same(p, s, st)) {
        return false;
      }
    }
    return true;
  }

  /** Reads, resolves and stores one descriptor; a failure is recorded, not thrown. */
  public IndexedPack index(PackSource s, long[] st, DeviceDatabase.Listener listener)
      throws IOException, CacheIoException {
    PackDescriptor pdsc;
    try (InputStream in = Files.newInputStream(s.descriptor())) {
      pdsc = PdscReader.read(in, s.descriptor().toString());
    } catch (IndexException e) {
      listener.failed(s, e);
      return new IndexedPack(
          s, st[0], st[1], "", s.key(), Optional.empty(), List.of(), List.of(),
          Optional.of(e.getMessage()));
    }
    DeviceResolver.Result r = DeviceResolver.resolve(pdsc);
    r.warnings().forEach(listener::warning);
    if (!pdsc.problems().isEmpty()) {
      listener.flawed(s, pdsc.problems());
    }
    IndexedPack p = IndexedPack.of(s, st[0], st[1], pdsc, r.devices());
    // A skipped memory or algorithm is shown with its device by 'show', like the resolver's warnings.
    List<String> stored = new ArrayList<>(pdsc.problems());
    stored.addAll(r.warnings());
    DeviceResolver.Result withProblems = new DeviceResolver.Result(r.devices(), stored);
    AtomicFiles.writeData(packFile(p), out -> DeviceDatabaseCodec.writePack(out, withProblems));
    listener.indexed(s, r.devices().size());
    return p;
  }

  /** The named device of one indexed pack, or empty when the pack file or the device is not there. */
  public Optional<DeviceDatabaseCodec.StoredDevice> findDevice(IndexedPack pack, String name) throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(packFile(pack)), 1 << 16)) {
      return DeviceDatabaseCodec.findDevice(new DataInputStream(in), name);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }
}
