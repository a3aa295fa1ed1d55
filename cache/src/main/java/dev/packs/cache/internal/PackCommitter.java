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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Checks an archive, extracts it into a temporary folder inside the root, and only then keeps it in
 * {@code .Download} (the only copy a later run trusts) and renames the folder into {@code
 * Vendor/Name/Version} in one step. An archive that fails any check, extraction included, is never
 * kept, and the partial folder is removed at once. Killed at any instant, the pack is either fully
 * there or absent.
 */
final class PackCommitter {
  private final Context ctx;

  PackCommitter(Context ctx) {
    this.ctx = ctx;
  }

  /**
   * A checked archive and what it contains.
   *
   * @param archive where it is now: a {@code .part} download, a local file, or the copy in {@code .Download}
   * @param kept where it is kept once it is installed: {@code .Download/Vendor.Name.Version.pack}
   */
  record Staged(Path archive, Path kept, PackArchive.Inspected inspected, PackDescriptor info, String version, String sha256) {
    boolean downloaded() {
      return AtomicFiles.isPart(archive);
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

  /** Downloads into a {@code .part} that {@link #commit} keeps or deletes. */
  private Staged download(URI url, Expected expected, Path target) throws CacheException {
    Path part = AtomicFiles.partFor(target);
    boolean handedOver = false;
    try {
      Files.createDirectories(part.getParent());
      ctx.transports().fetch(target.getFileName().toString(), url, Optional.empty(), part, Expect.ZIP);
      Staged staged = inspect(part, url.toString(), expected);
      handedOver = true;
      return staged;
    } catch (IOException e) {
      throw new CacheIoException(target, e);
    } finally {
      if (!handedOver) {
        AtomicFiles.deleteQuietly(part);
      }
    }
  }

  Staged stageLocal(Path file, Expected expected) throws CacheException {
    return inspect(file, file.toString(), expected);
  }

  private Staged inspect(Path archive, String source, Expected expected) throws CacheException {
    PackArchive.Inspected inspected = PackArchive.inspect(archive, source, ctx.config().zipLimits());
    PackDescriptor info = Installer.parse(inspected.descriptor(), source, inspected.descriptorEntry());
    expected.check(source, info, inspected.descriptorEntry());
    String version = info.version().map(dev.packs.index.Version::withoutMeta).orElseThrow(
        () -> new InvalidPackException(source, Optional.of(inspected.descriptorEntry()), Problem.BAD_DESCRIPTOR, "no <release>"));
    Path kept = ctx.root().downloadedPack(info.vendor(), info.name(), version);
    try {
      return new Staged(archive, kept, inspected, info, version, Digests.sha256(archive));
    } catch (IOException e) {
      throw new CacheIoException(archive, e);
    }
  }

  /**
   * Extracts, keeps the archive in {@code .Download} and renames into place; returns the installed
   * pack. When extraction or a checksum fails, the partial folder and the archive (a download, or a
   * copy in {@code .Download} that a retry would otherwise reuse) are deleted before the failure is thrown.
   */
  InstalledPack commit(Staged staged, String source, boolean force) throws CacheException {
    String vendor = staged.info().vendor();
    String name = staged.info().name();
    Path dest = ctx.root().installDir(vendor, name, staged.version());
    Path tmp = tmpDir().resolve(UUID.randomUUID().toString());
    Map<String, String> files;
    try {
      files = Extractor.extract(staged.archive(), staged.inspected(), tmp, ctx.config().zipLimits());
      checkChecksumFile(staged, files, source);
      keep(staged);
    } catch (CacheException | RuntimeException e) {
      AtomicFiles.deleteQuietly(tmp);
      deleteIfEmpty(tmpDir());
      if (staged.downloaded() || staged.archive().equals(staged.kept())) {
        AtomicFiles.deleteQuietly(staged.archive());
      }
      throw e;
    }
    try {
      return place(staged, files, tmp, dest, source, force);
    } finally {
      AtomicFiles.deleteQuietly(tmp); // already moved into place, unless placing failed
      deleteIfEmpty(tmpDir());
    }
  }

  /** Moves a download into {@code .Download}, or copies a local archive there. */
  private void keep(Staged staged) throws CacheIoException {
    if (staged.archive().toAbsolutePath().normalize().equals(staged.kept())) {
      return;
    }
    if (staged.downloaded()) {
      AtomicFiles.commit(staged.archive(), staged.kept());
      return;
    }
    Path part = AtomicFiles.partFor(staged.kept());
    try {
      Files.createDirectories(part.getParent());
      Files.copy(staged.archive(), part, StandardCopyOption.REPLACE_EXISTING);
      AtomicFiles.commit(part, staged.kept());
    } catch (IOException e) {
      throw new CacheIoException(staged.kept(), e);
    } finally {
      AtomicFiles.deleteQuietly(part);
    }
  }

  private InstalledPack place(Staged staged, Map<String, String> files, Path tmp, Path dest, String source, boolean force)
      throws CacheException {
    String vendor = staged.info().vendor();
    String name = staged.info().name();
    AtomicFiles.writeBytes(ctx.root().downloadedDescriptor(vendor, name, staged.version()), staged.inspected().descriptor());
    new InstallRecord(vendor, name, staged.version(), source, staged.sha256(), ctx.config().clock().instant().toString(), files)
        .save(InstallRecord.fileFor(ctx.root().stateDir(), vendor, name, staged.version()));
    try {
      Files.createDirectories(dest.getParent());
      if (Files.exists(dest)) {
        if (!force) {
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
      throw new CacheIoException(dest, e);
    }
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
    Path sourceDir = staged.kept().getParent(); // .Download, where cpackget keeps its .checksum files
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
