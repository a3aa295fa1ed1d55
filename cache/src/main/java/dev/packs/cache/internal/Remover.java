package dev.packs.cache.internal;

import dev.packs.cache.CacheException;
import dev.packs.cache.CacheIoException;
import dev.packs.cache.InstalledPack;
import dev.packs.cache.PackNotFoundException;
import dev.packs.cache.PackRoot;
import dev.packs.cache.AtomicFiles;
import dev.packs.cache.internal.disk.InstallRecord;
import dev.packs.cache.internal.index.PackIds;
import dev.packs.index.PackId;
import dev.packs.cache.internal.index.Versions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;

/**
 * {@code rm}: each matching version disappears in one rename out of the tree, then is deleted. With
 * purge, the archives in {@code .Download} and the {@code .Web} descriptor go too.
 */
public final class Remover {
  private final Context ctx;

  public Remover(Context ctx) {
    this.ctx = ctx;
  }

  public List<InstalledPack> remove(String packId, boolean purge) throws CacheException {
    if (packId.toLowerCase(java.util.Locale.ROOT).endsWith(".pdsc")) {
      return unregisterLocal(packId);
    }
    PackId request = PackIds.parse(packId);
    PackRoot root = ctx.root();
    List<InstalledPack> matching =
        InstalledPacks.scan(root).stream()
            .filter(p -> p.name().equalsIgnoreCase(request.name()))
            .filter(p -> request.vendor().map(v -> v.equalsIgnoreCase(p.vendor())).orElse(true))
            .filter(p -> !PackIds.pinned(request) || Versions.accepts(request.requirement(), p.version()))
            .toList();
    if (matching.isEmpty()) {
      throw new PackNotFoundException(packId, "not installed in " + root.path());
    }
    for (InstalledPack pack : matching) {
      removeOne(pack, purge);
      ctx.listener().removed(pack);
    }
    if (purge && !PackIds.pinned(request)) {
      InstalledPack first = matching.get(0);
      AtomicFiles.deleteQuietly(root.webDescriptor(first.vendor(), first.name()));
    }
    AtomicFiles.touch(root.packIdx(), ctx.config().clock().instant());
    return matching;
  }

  /** {@code rm Vendor.Name.pdsc}, as cpackget: forgets a descriptor registered by {@code install X.pdsc}. */
  private List<InstalledPack> unregisterLocal(String request) throws CacheException {
    String file = Path.of(request).getFileName().toString();
    String[] parts = file.substring(0, file.length() - ".pdsc".length()).split("\\.", 2);
    List<InstalledPack> dropped = parts.length < 2 ? List.of()
        : LocalRepository.unregister(ctx.root(), parts[0], parts[1], ctx.config().clock().instant()).stream()
            .map(InstalledPacks::ofLocal)
            .toList();
    if (dropped.isEmpty()) {
      throw new PackNotFoundException(request, "not registered in " + ctx.root().localRepositoryIndex());
    }
    dropped.forEach(ctx.listener()::removed);
    AtomicFiles.touch(ctx.root().packIdx(), ctx.config().clock().instant());
    return dropped;
  }

  private void removeOne(InstalledPack pack, boolean purge) throws CacheException {
    PackRoot root = ctx.root();
    Path trash = root.stateDir().resolve("tmp").resolve("rm-" + UUID.randomUUID());
    try {
      Files.createDirectories(trash.getParent());
      Files.move(pack.path(), trash, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new CacheIoException(pack.path(), e);
    }
    AtomicFiles.deleteQuietly(trash);
    deleteIfEmpty(trash.getParent());
    AtomicFiles.deleteQuietly(InstallRecord.fileFor(root.stateDir(), pack.vendor(), pack.name(), pack.version()));
    deleteIfEmpty(pack.path().getParent());
    deleteIfEmpty(pack.path().getParent().getParent());
    if (purge) {
      AtomicFiles.deleteQuietly(root.downloadedPack(pack.vendor(), pack.name(), pack.version()));
      AtomicFiles.deleteQuietly(root.downloadedDescriptor(pack.vendor(), pack.name(), pack.version()));
    }
  }

  private static void deleteIfEmpty(Path dir) {
    try {
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      // Not empty: other versions or packs live there.
    }
  }
}
