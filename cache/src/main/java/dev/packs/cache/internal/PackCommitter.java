package dev.packs.cache.internal;

import dev.packs.cache.CacheException;
import dev.packs.cache.CacheIoException;
import dev.packs.cache.InstalledPack;
import dev.packs.cache.InvalidPackException;
import dev.packs.cache.InvalidPackException.Problem;
import dev.packs.cache.internal.Installer.Expected;
import dev.packs.cache.AtomicFiles;
import dev.packs.cache.internal.disk.InstallRecord;
import dev.packs.index.PackDescriptor;
import dev.packs.cache.internal.net.Expect;
import dev.packs.cache.internal.pack.Digests;
import dev.packs.cache.internal.pack.Extractor;
import dev.packs.cache.internal.pack.PackArchive;
import java.io.IOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Gets a verified archive into {@code .Download} (the only copy a later run trusts), then extracts it
 * into a temporary folder inside the root and renames that folder into {@code Vendor/Name/Version}
 * in one step. Killed at any instant, the pack is either fully there or absent.
 */
final class PackCommitter {
  private final Context ctx;

  PackCommitter(Context ctx) {
    this.ctx = ctx;
  }

  /** A verified archive in {@code .Download} and what it contains. */
  record Staged(Path archive, PackArchive.Inspected inspected, PackDescriptor info, String version, String sha256) {}

  /** Removes what a killed run left: temporary folders and {@code .part} files. */
  void cleanUpLeftovers() {
    AtomicFiles.deleteQuietly(tmpDir());
    for (Path dir : new Path[] {ctx.root().downloadDir(), ctx.root().webDir(), ctx.root().localDir()}) {
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "*.part")) {
        s.forEach(AtomicFiles::deleteQuietly);
      } catch (IOException e) {
        // Stale .part files are harmless: nothing ever reads them.
      }
    }
  }

  Staged stageById(URI url, Expected expected) throws CacheException {
    Path target =
        ctx.root().downloadedPack(expected.vendor().orElseThrow(), expected.name().orElseThrow(), expected.version().orElseThrow());
    if (Files.isRegularFile(target)) {
      try {
        return inspect(target, target.toString(), expected);
      } catch (InvalidPackException e) {
        // A damaged cached archive is never reused (cpackget #68, #307): fetch it again.
        AtomicFiles.deleteQuietly(target);
      }
    }
    return download(url, expected, target);
  }

  Staged stageDownload(URI url, Expected expected, String baseName) throws CacheException {
    Path scratch = ctx.root().downloadDir().resolve(baseName.isEmpty() ? "download.pack" : baseName);
    return download(url, expected, scratch);
  }

  private Staged download(URI url, Expected expected, Path target) throws CacheException {
    Path part = AtomicFiles.partFor(target);
    try {
      Files.createDirectories(part.getParent());
      ctx.transports().fetch(target.getFileName().toString(), url, Optional.empty(), part, Expect.ZIP);
      Staged staged = inspect(part, url.toString(), expected);
      Path finalName = ctx.root().downloadedPack(staged.info().vendor(), staged.info().name(), staged.version());
      AtomicFiles.commit(part, finalName);
      return new Staged(finalName, staged.inspected(), staged.info(), staged.version(), staged.sha256());
    } catch (IOException e) {
      throw new CacheIoException(target, e);
    } finally {
      AtomicFiles.deleteQuietly(part);
    }
  }

  Staged stageLocal(Path file, Expected expected) throws CacheException {
    Staged staged = inspect(file, file.toString(), expected);
    Path target = ctx.root().downloadedPack(staged.info().vendor(), staged.info().name(), staged.version());
    if (file.toAbsolutePath().normalize().equals(target)) {
      return staged;
    }
    Path part = AtomicFiles.partFor(target);
    try {
      Files.createDirectories(target.getParent());
      Files.copy(file, part, StandardCopyOption.REPLACE_EXISTING);
      AtomicFiles.commit(part, target);
    } catch (IOException e) {
      throw new CacheIoException(target, e);
    } finally {
      AtomicFiles.deleteQuietly(part);
    }
    return new Staged(target, staged.inspected(), staged.info(), staged.version(), staged.sha256());
  }

  private Staged inspect(Path archive, String source, Expected expected) throws CacheException {
    PackArchive.Inspected inspected = PackArchive.inspect(archive, source, ctx.config().zipLimits());
    PackDescriptor info = Installer.parse(inspected.descriptor(), source, inspected.descriptorEntry());
    expected.check(source, info, inspected.descriptorEntry());
    String version = info.version().map(dev.packs.index.Version::withoutMeta).orElseThrow(
        () -> new InvalidPackException(source, Optional.of(inspected.descriptorEntry()), Problem.BAD_DESCRIPTOR, "no <release>"));
    try {
      return new Staged(archive, inspected, info, version, Digests.sha256(archive));
    } catch (IOException e) {
      throw new CacheIoException(archive, e);
    }
  }

  /** Extracts and renames into place; returns the installed pack. */
  InstalledPack commit(Staged staged, String source, boolean force) throws CacheException {
    String vendor = staged.info().vendor();
    String name = staged.info().name();
    Path dest = ctx.root().installDir(vendor, name, staged.version());
    Path tmp = tmpDir().resolve(UUID.randomUUID().toString());
    Map<String, String> files = Extractor.extract(staged.archive(), staged.inspected(), tmp, ctx.config().zipLimits());
    checkChecksumFile(staged, files, source);
    AtomicFiles.writeBytes(ctx.root().downloadedDescriptor(vendor, name, staged.version()), staged.inspected().descriptor());
    new InstallRecord(vendor, name, staged.version(), source, staged.sha256(), ctx.config().clock().instant().toString(), files)
        .save(InstallRecord.fileFor(ctx.root().stateDir(), vendor, name, staged.version()));
    try {
      Files.createDirectories(dest.getParent());
      if (Files.exists(dest)) {
        if (!force) {
          AtomicFiles.deleteQuietly(tmp);
          return new InstalledPack(vendor, name, staged.version(), dest);
        }
        Path old = tmpDir().resolve("old-" + UUID.randomUUID());
        Files.move(dest, old, StandardCopyOption.ATOMIC_MOVE);
        Files.move(tmp, dest, StandardCopyOption.ATOMIC_MOVE);
        AtomicFiles.deleteQuietly(old);
      } else {
        Files.move(tmp, dest, StandardCopyOption.ATOMIC_MOVE);
      }
    } catch (IOException e) {
      AtomicFiles.deleteQuietly(tmp);
      throw new CacheIoException(dest, e);
    }
    deleteIfEmpty(tmpDir());
    AtomicFiles.touch(ctx.root().packIdx(), ctx.config().clock().instant());
    return new InstalledPack(vendor, name, staged.version(), dest);
  }

  private static void deleteIfEmpty(Path dir) {
    try {
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      // Another leftover is still inside; the next run's clean-up takes it.
    }
  }

  private void checkChecksumFile(Staged staged, Map<String, String> files, String source) throws CacheException {
    Path sourceDir = staged.archive().toAbsolutePath().getParent();
    Optional<Path> sums = Checksums.find(staged.info().vendor(), staged.info().name(), staged.version(), sourceDir);
    if (sums.isEmpty()) {
      return;
    }
    try {
      for (Map.Entry<String, String> e : Checksums.read(sums.get(), staged.inspected().prefix()).entrySet()) {
        if (!e.getValue().equals(files.get(e.getKey()))) {
          throw new InvalidPackException(source, Optional.of(e.getKey()), Problem.CHECKSUM_MISMATCH, "differs from " + sums.get());
        }
      }
    } catch (IOException e) {
      throw new CacheIoException(sums.get(), e);
    }
  }

  private Path tmpDir() {
    return ctx.root().stateDir().resolve("tmp");
  }
}
