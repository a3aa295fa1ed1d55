package dev.packs.cache.internal.bundle;

import dev.packs.cache.AtomicFiles;
import dev.packs.cache.BundleException;
import dev.packs.cache.CacheConfig;
import dev.packs.cache.CacheException;
import dev.packs.cache.CacheIoException;
import dev.packs.cache.PackBundle;
import dev.packs.cache.PackNotFoundException;
import dev.packs.cache.PackRoot;
import dev.packs.cache.internal.pack.Digests;
import dev.packs.cache.internal.pack.PackArchive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * Writes a bundle: first checks every needed archive (from {@code .Download}) and file against the
 * digests the lock records, then writes the manifest and the files to a {@code .part} that is moved
 * into place. Archives are stored, not compressed again.
 */
public final class BundleWriter {
  private final PackRoot root;
  private final PackBundle.Needs needs;
  private final Map<String, Path> sources;
  private final Clock clock;

  public BundleWriter(PackRoot root, PackBundle.Needs needs, Map<String, Path> sources, Clock clock) {
    this.root = root;
    this.needs = needs;
    this.sources = Map.copyOf(sources);
    this.clock = clock;
  }

  public PackBundle.Manifest write(Path out) throws CacheException {
    List<String> problems = new ArrayList<>();
    Map<PackBundle.Entry, Path> contents = new LinkedHashMap<>();
    List<PackBundle.Entry> packs = new ArrayList<>();
    for (PackBundle.PackNeed need : needs.packs()) {
      Path archive = root.downloadedPack(need.vendor(), need.name(), need.version());
      if (!Files.isRegularFile(archive)) {
        throw new PackNotFoundException(need.vendor() + "::" + need.name() + "@" + need.version(),
            "no archive " + archive + "; install it first with 'packs install " + need.vendor() + "::" + need.name() + "@" + need.version() + "'");
      }
      problems.addAll(checkMembers(archive, need));
      PackBundle.Entry entry = entry(need.id(), "packs/" + need.id() + ".pack", archive);
      packs.add(entry);
      contents.put(entry, archive);
    }
    List<PackBundle.Entry> files = new ArrayList<>();
    for (PackBundle.FileNeed need : needs.files()) {
      Path source = sources.get(need.key());
      if (source == null || !Files.isRegularFile(source)) {
        throw new PackNotFoundException(need.key(), "no such file " + (source == null ? need.key() : source));
      }
      PackBundle.Entry entry = entry(need.key(), "files/" + (files.size() + 1) + "/" + source.getFileName(), source);
      if (!entry.sha256().equals(need.sha256())) {
        problems.add(need.key() + ": sha256 " + entry.sha256() + ", packs.lock says " + need.sha256()
            + " (edited since 'packs resolve'?)");
      }
      files.add(entry);
      contents.put(entry, source);
    }
    if (!problems.isEmpty()) {
      throw new BundleException(out, problems);
    }
    PackBundle.Manifest manifest = new PackBundle.Manifest(
        PackBundle.Manifest.FORMAT, clock.instant().toString(), needs.lockSha256(), packs, files);
    zip(out, manifest, contents);
    return manifest;
  }

  /** The lock's digests of the members it relies on, against the archive about to be bundled. */
  private static List<String> checkMembers(Path archive, PackBundle.PackNeed need) throws CacheException {
    String prefix = PackArchive.inspect(archive, archive.toString(), CacheConfig.ZipLimits.defaults()).prefix();
    Map<String, String> found;
    try {
      found = PackMembers.digests(archive, prefix, need.members().keySet());
    } catch (IOException e) {
      throw new CacheIoException(archive, e);
    }
    List<String> problems = new ArrayList<>();
    need.members().forEach((member, sha) -> {
      String actual = found.get(member);
      if (actual == null) {
        problems.add(need.id() + ": " + archive + " has no " + member + ", which packs.lock names");
      } else if (!actual.equals(sha)) {
        problems.add(need.id() + ": " + member + " has sha256 " + actual + ", packs.lock says " + sha);
      }
    });
    return problems;
  }

  private static PackBundle.Entry entry(String key, String name, Path file) throws CacheIoException {
    try {
      return new PackBundle.Entry(key, name, Digests.sha256(file), Files.size(file));
    } catch (IOException e) {
      throw new CacheIoException(file, e);
    }
  }

  private static void zip(Path out, PackBundle.Manifest manifest, Map<PackBundle.Entry, Path> contents) throws CacheException {
    Path part = AtomicFiles.partFor(out);
    try {
      Files.createDirectories(out.toAbsolutePath().getParent());
      try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(part)) {
        byte[] body = ManifestCodec.write(manifest);
        ZipArchiveEntry head = new ZipArchiveEntry(PackBundle.MANIFEST);
        zip.putArchiveEntry(head);
        zip.write(body);
        zip.closeArchiveEntry();
        for (Map.Entry<PackBundle.Entry, Path> e : contents.entrySet()) {
          ZipArchiveEntry entry = new ZipArchiveEntry(e.getKey().entry());
          if (e.getKey().entry().startsWith("packs/")) {
            entry.setMethod(ZipEntry.STORED); // already compressed: storing is faster and no larger
          }
          entry.setSize(e.getKey().size());
          zip.putArchiveEntry(entry);
          Files.copy(e.getValue(), zip);
          zip.closeArchiveEntry();
        }
      }
      AtomicFiles.commit(part, out);
    } catch (IOException e) {
      throw new CacheIoException(out, e);
    } finally {
      AtomicFiles.deleteQuietly(part);
    }
  }
}
