package dev.packs.cache.internal;

import dev.packs.cache.CacheException;
import dev.packs.cache.PackRoot;
import dev.packs.cache.PublicPack;
import dev.packs.cache.AtomicFiles;
import dev.packs.cache.internal.index.IndexFile;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code .Local/local_repository.pidx}: descriptors registered from local folders, with entries like
 * {@code url="file://localhost/abs/dir/"} as cpackget writes them.
 */
final class LocalRepository {
  private LocalRepository() {}

  static List<PublicPack> read(PackRoot root) throws CacheException {
    Path file = root.localRepositoryIndex();
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    try {
      return IndexFile.read(file);
    } catch (IOException e) {
      throw new dev.packs.cache.CacheIoException(file, e);
    }
  }

  /** Drops the entries for {@code vendor.name} (any case); returns them, empty when none was registered. */
  static List<PublicPack> unregister(PackRoot root, String vendor, String name, Instant now) throws CacheException {
    List<PublicPack> kept = new ArrayList<>();
    List<PublicPack> dropped = new ArrayList<>();
    for (PublicPack p : read(root)) {
      boolean match = p.vendor().equalsIgnoreCase(vendor) && p.name().equalsIgnoreCase(name);
      (match ? dropped : kept).add(p);
    }
    if (!dropped.isEmpty()) {
      String xml = IndexFile.write("local repository", "file://localhost/", now.toString(), kept);
      AtomicFiles.writeString(root.localRepositoryIndex(), xml);
    }
    return dropped;
  }

  /** Adds or replaces the entry for {@code vendor.name}, pointing at the descriptor's folder. */
  static void register(PackRoot root, String vendor, String name, String version, Path pdsc, Instant now)
      throws CacheException {
    List<PublicPack> entries = new ArrayList<>();
    for (PublicPack p : read(root)) {
      if (!(p.vendor().equals(vendor) && p.name().equals(name))) {
        entries.add(p);
      }
    }
    URI dir = URI.create("file://localhost" + pdsc.toAbsolutePath().getParent().toUri().getRawPath());
    entries.add(new PublicPack(vendor, name, version, dir, false));
    String xml = IndexFile.write("local repository", "file://localhost/", now.toString(), entries);
    AtomicFiles.writeString(root.localRepositoryIndex(), xml);
  }
}
