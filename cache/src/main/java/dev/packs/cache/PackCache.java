package dev.packs.cache;

import dev.packs.cache.internal.Context;
import dev.packs.cache.internal.IndexUpdater;
import dev.packs.cache.internal.InstalledPacks;
import dev.packs.cache.internal.Installer;
import dev.packs.cache.internal.Remover;
import dev.packs.cache.internal.Updates;
import dev.packs.cache.internal.Verifier;
import dev.packs.cache.internal.disk.RootLock;
import dev.packs.cache.internal.net.Transports;

import dev.packs.cache.internal.index.Versions;
import dev.packs.index.IndexException;
import dev.packs.index.PackId;
import dev.packs.index.VersionRequirement;
import dev.packs.index.PackSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The pack cache: one pack root, its index, descriptors and installed packs. Every change takes the
 * root's exclusive inter-process lock and every read a shared one; writes are atomic, so a process
 * killed at any instant leaves the root usable and a rerun succeeds.
 *
 * <pre>{@code
 * try (PackCache cache = PackCache.open(CacheConfig.builder(root).build(), listener)) {
 *   cache.install(List.of("Keil::STM32G4xx_DFP@2.1.0"), InstallOptions.defaults(), workingDir);
 * }
 * }</pre>
 */
public final class PackCache implements AutoCloseable {
  private final Context ctx;

  private PackCache(Context ctx) {
    this.ctx = ctx;
  }

  public static PackCache open(CacheConfig config, CacheListener listener) {
    return new PackCache(new Context(config, listener, new Transports(config, listener)));
  }

  public CacheConfig config() {
    return ctx.config();
  }

  /**
   * Downloads the index, then the descriptors that are new or changed.
   *
   * @throws IndexUpdateException when any descriptor failed; it carries the full result
   */
  public IndexUpdate updateIndex() throws CacheException {
    IndexUpdate result;
    try (RootLock lock = ctx.lockForChange("update-index")) {
      result = new IndexUpdater(ctx).run();
      refreshDevices();
    }
    if (!result.failures().isEmpty()) {
      throw new IndexUpdateException(result);
    }
    return result;
  }

  /**
   * Installs each request: a pack ID in any cpackget form, a bare name, a {@code .pack}/{@code .zip}
   * path, an http(s) or {@code file:} URL of a pack, or a {@code .pdsc} path to register locally.
   * Relative paths are resolved against {@code workingDir}.
   */
  public List<InstallAction> install(List<String> requests, InstallOptions options, Path workingDir) throws CacheException {
    try (RootLock lock = ctx.lockForChange("install " + String.join(" ", requests))) {
      List<InstallAction> actions = new Installer(ctx, options).install(requests, workingDir);
      refreshDevices();
      return actions;
    }
  }

  /** Removes installed versions of a pack ({@code Vendor.Name[.x.y.z]} or {@code Vendor::Name[@x.y.z]}). */
  public List<InstalledPack> remove(String packId, boolean purge) throws CacheException {
    try (RootLock lock = ctx.lockForChange("rm " + packId)) {
      List<InstalledPack> removed = new Remover(ctx).remove(packId, purge);
      refreshDevices();
      return removed;
    }
  }

  /**
   * The packs installed in the root, sorted by vendor, name and version, then those registered from
   * local folders ({@code install X.pdsc}), whose path is their folder.
   */
  public List<InstalledPack> list() throws CacheException {
    try (RootLock lock = ctx.lock(RootLock.Mode.SHARED, "list")) {
      List<InstalledPack> all = new ArrayList<>(InstalledPacks.scan(ctx.root()));
      all.addAll(InstalledPacks.local(ctx.root()));
      return List.copyOf(all);
    }
  }

  /**
   * The descriptor file of a pack: the newest installed version that {@code packId} accepts ({@code
   * Vendor::Name}, {@code Vendor::Name@1.2.0}, {@code Vendor.Name.1.2.0}, ...), else its latest public
   * descriptor in {@code .Web}. Read it with {@code PdscReader.read(in, path.toString())}.
   *
   * @throws PackNotFoundException when neither exists
   */
  public Path descriptor(String packId) throws CacheException {
    PackId id;
    try {
      id = PackId.parse(packId);
    } catch (IndexException e) {
      throw new PackNotFoundException(packId, e.getMessage());
    }
    try (RootLock lock = ctx.lock(RootLock.Mode.SHARED, "read a descriptor")) {
      Optional<InstalledPack> installed = InstalledPacks.scan(ctx.root()).stream()
          .filter(p -> id.vendor().map(v -> v.equalsIgnoreCase(p.vendor())).orElse(true))
          .filter(p -> p.name().equalsIgnoreCase(id.name()))
          .filter(p -> Versions.accepts(id.requirement(), p.version()))
          .max(java.util.Comparator.comparing(InstalledPack::version, Versions.ORDER));
      if (installed.isPresent()) {
        InstalledPack p = installed.get();
        return p.path().resolve(p.vendor() + "." + p.name() + ".pdsc");
      }
      if (id.vendor().isPresent()
          && (id.requirement() instanceof VersionRequirement.Any || id.requirement() instanceof VersionRequirement.Latest)) {
        Path web = ctx.root().webDescriptor(id.vendor().get(), id.name());
        if (java.nio.file.Files.isRegularFile(web)) {
          return web;
        }
      }
      throw new PackNotFoundException(packId, "not installed in " + ctx.root().path());
    }
  }

  /** Installed packs for which the local index lists a newer version. */
  public List<PackUpdate> updates() throws CacheException {
    try (RootLock lock = ctx.lock(RootLock.Mode.SHARED, "list --updates")) {
      return Updates.available(ctx.root());
    }
  }

  /** The packs the local copy of the public index lists (newest version of each). */
  public List<PublicPack> publicPacks() throws CacheException {
    try (RootLock lock = ctx.lock(RootLock.Mode.SHARED, "list --public")) {
      return Updates.publicPacks(ctx.root());
    }
  }

  /** Installs the newest version of one installed pack, or of every installed pack. */
  public List<InstallAction> update(Optional<String> packId, InstallOptions options, Path workingDir) throws CacheException {
    try (RootLock lock = ctx.lockForChange("update " + packId.orElse("(all)"))) {
      List<String> requests = Updates.requests(ctx.root(), packId);
      List<InstallAction> actions = new Installer(ctx, options).install(requests, workingDir);
      refreshDevices();
      return actions;
    }
  }

  /** Recomputes the SHA-256 of every installed file against what was recorded at install. */
  public List<PackCheck> verify() throws CacheException {
    try (RootLock lock = ctx.lock(RootLock.Mode.SHARED, "verify")) {
      return Verifier.verify(ctx.root());
    }
  }

  /**
   * Brings the device database in step with the root, in the same locked step as the change: only
   * descriptors whose size or modification time changed are read again.
   */
  private void refreshDevices() throws DeviceDatabaseException {
    DeviceIndexer indexer = new DeviceIndexer(ctx.root());
    DeviceDatabase.Listener relay = new DeviceDatabase.Listener() {
      @Override
      public void warning(String message) {
        ctx.listener().warning(message);
      }

      @Override
      public void failed(PackSource source, IndexException error) {
        ctx.listener().warning("skipped " + source.descriptor() + ": " + error.getMessage());
      }

      @Override
      public void flawed(PackSource source, List<String> problems) {
        ctx.listener().descriptorFlawed(source.descriptor(), problems);
      }
    };
    DeviceDatabase.SyncReport report = indexer.refresh(relay);
    ctx.listener().devicesIndexed(report.indexed(), report.removed(), report.unchanged());
  }

  /** Requests made and body bytes received so far by this cache. */
  public long bytesReceived() {
    return ctx.transports().stats().bytes();
  }

  public int requestsMade() {
    return ctx.transports().stats().requests();
  }

  @Override
  public void close() {
    ctx.transports().close();
  }
}
