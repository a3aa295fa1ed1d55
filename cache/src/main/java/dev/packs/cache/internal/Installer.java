package dev.packs.cache.internal;

import dev.packs.cache.CacheException;
import dev.packs.cache.InstallAction;
import dev.packs.cache.InstallAction.Kind;
import dev.packs.cache.InstallOptions;
import dev.packs.cache.InstalledPack;
import dev.packs.cache.InvalidPackException;
import dev.packs.cache.InvalidPackException.Problem;
import dev.packs.cache.PackNotFoundException;
import dev.packs.cache.AtomicFiles;
import dev.packs.cache.internal.index.PackIds;
import dev.packs.cache.internal.index.Pdsc;
import dev.packs.cache.internal.index.Versions;
import dev.packs.index.PackDescriptor;
import dev.packs.index.PackId;
import dev.packs.index.Version;
import dev.packs.cache.internal.index.IndexFile;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code install}: turns each request (pack ID, bare name, {@code .pack} file or URL, {@code .pdsc})
 * into an archive in {@code .Download}, then hands it to {@link PackCommitter}. The caller holds the
 * exclusive lock.
 */
public final class Installer {
  private static final Pattern PACK_FILE =
      Pattern.compile("([-_A-Za-z0-9]+)\\.([-_A-Za-z0-9]+)\\.([0-9]+\\.[0-9]+\\.[0-9]+[-+.A-Za-z0-9]*)\\.(pack|zip)", Pattern.CASE_INSENSITIVE);

  private final Context ctx;
  private final InstallOptions options;
  private final Descriptors descriptors;
  private final PackCommitter committer;
  private final Set<String> visited = new HashSet<>();
  private final List<InstallAction> actions = new ArrayList<>();

  public Installer(Context ctx, InstallOptions options) {
    this.ctx = ctx;
    this.options = options;
    this.descriptors = new Descriptors(ctx);
    this.committer = new PackCommitter(ctx);
  }

  public List<InstallAction> install(List<String> requests, Path workingDir) throws CacheException {
    for (String request : requests) {
      installOne(request, workingDir);
    }
    return List.copyOf(actions);
  }

  private void installOne(String request, Path workingDir) throws CacheException {
    String lower = request.toLowerCase(Locale.ROOT);
    if (lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("file:")) {
      fromUrl(URI.create(request));
      return;
    }
    Path file = workingDir.resolve(request).toAbsolutePath().normalize();
    if (lower.endsWith(".pdsc")) {
      registerLocal(request, file);
      return;
    }
    if (lower.endsWith(".pack") || lower.endsWith(".zip")) {
      if (!Files.isRegularFile(file)) {
        throw new PackNotFoundException(request, "no such file " + file);
      }
      fromFile(file);
      return;
    }
    byId(PackIds.parse(request), request);
  }

  private void registerLocal(String request, Path pdsc) throws CacheException {
    if (!Files.isRegularFile(pdsc)) {
      throw new PackNotFoundException(request, "no such file " + pdsc);
    }
    PackDescriptor info = Descriptors.parse(pdsc);
    // The local index holds only the folder; readers find the file as Vendor.Name.pdsc there (cpackget's rule).
    String expected = info.vendor() + "." + info.name() + ".pdsc";
    if (!pdsc.getFileName().toString().equals(expected)) {
      throw new InvalidPackException(pdsc.toString(), Optional.empty(), Problem.DESCRIPTOR_MISMATCH,
          "a local descriptor must be named " + expected);
    }
    String version = info.version().map(Version::toString).orElse("0.0.0");
    LocalRepository.register(ctx.root(), info.vendor(), info.name(), version, pdsc, ctx.config().clock().instant());
    AtomicFiles.touch(ctx.root().packIdx(), ctx.config().clock().instant());
    InstalledPack pack = new InstalledPack(info.vendor(), info.name(), version, pdsc.toAbsolutePath().getParent());
    actions.add(new InstallAction(pack, Kind.REGISTERED_LOCAL, Optional.of(pdsc.toString()), Optional.empty()));
  }

  private void fromFile(Path file) throws CacheException {
    Expected expected = Expected.fromFileName(file.getFileName().toString());
    PackCommitter.Staged staged = committer.stageLocal(file, expected);
    finish(staged, file.toString());
  }

  private void fromUrl(URI url) throws CacheException {
    String path = Optional.ofNullable(url.getPath()).orElse("");
    String base = path.substring(path.lastIndexOf('/') + 1);
    Expected expected = Expected.fromFileName(base);
    PackCommitter.Staged staged = committer.stageDownload(url, expected, base);
    finish(staged, url.toString());
  }

  private void byId(PackId request, String text) throws CacheException {
    String vendor = request.vendor().isPresent() ? request.vendor().get() : descriptors.vendorOf(request.name());
    String key = (vendor + "." + request.name()).toLowerCase(Locale.ROOT);
    if (!visited.add(key + "@" + request.requirement())) {
      return;
    }
    Optional<InstalledPack> have = satisfying(vendor, request);
    if (have.isPresent() && !options.force() && !PackIds.wantsLatest(request)) {
      actions.add(new InstallAction(have.get(), Kind.ALREADY_INSTALLED, Optional.empty(), Optional.empty()));
      return;
    }
    Optional<String> exact = PackIds.exact(request);
    if (exact.isPresent() && Files.isRegularFile(ctx.root().downloadedPack(vendor, request.name(), exact.get()))) {
      // The archive is already here: no descriptor and no network needed (cpackget #134).
      Path cached = ctx.root().downloadedPack(vendor, request.name(), exact.get());
      try {
        PackCommitter.Staged staged = committer.stageLocal(cached, new Expected(Optional.of(vendor), Optional.of(request.name()), exact));
        finish(staged, cached.toString());
        return;
      } catch (InvalidPackException e) {
        // A damaged cached archive is never reused (cpackget #68, #307): fetch it again below.
        AtomicFiles.deleteQuietly(cached);
      }
    }
    Descriptors.Found found = descriptors.find(vendor, request.name(), text);
    PackDescriptor.Release release = choose(found.info(), request, text);
    String version = release.version().withoutMeta();
    Optional<InstalledPack> same =
        dev.packs.cache.internal.InstalledPacks.versions(ctx.root(), found.info().vendor(), found.info().name()).stream()
            .filter(p -> p.version().equals(version))
            .findFirst();
    if (same.isPresent() && !options.force()) {
      actions.add(new InstallAction(same.get(), Kind.ALREADY_INSTALLED, Optional.empty(), Optional.empty()));
      return;
    }
    URI url = Urls.pack(release, found.info().vendor(), found.info().name(), found.info().url().map(IndexFile::uri), found.indexUrl());
    Expected expected = new Expected(Optional.of(found.info().vendor()), Optional.of(found.info().name()), Optional.of(version));
    PackCommitter.Staged staged = committer.stageById(url, expected);
    finish(staged, url.toString());
  }

  private Optional<InstalledPack> satisfying(String vendor, PackId request) throws CacheException {
    return InstalledPacks.versions(ctx.root(), vendor, request.name()).stream()
        .filter(p -> PackIds.wantsLatest(request) || Versions.accepts(request.requirement(), p.version()))
        .max(Comparator.comparing(InstalledPack::version, Versions.ORDER));
  }

  private static PackDescriptor.Release choose(PackDescriptor info, PackId request, String text) throws PackNotFoundException {
    return info.releases().stream()
        .filter(r -> PackIds.wantsLatest(request) || request.requirement().accepts(r.version()))
        .max(Comparator.comparing(PackDescriptor.Release::version))
        .orElseThrow(
            () ->
                new PackNotFoundException(
                    text,
                    "no release matches; " + info.vendor() + "." + info.name() + " has "
                        + info.releases().stream().map(r -> r.version().toString()).toList()));
  }

  private void finish(PackCommitter.Staged staged, String source) throws CacheException {
    InstalledPack pack = committer.commit(staged, source, options.force());
    actions.add(new InstallAction(pack, Kind.INSTALLED, Optional.of(source), Optional.of(staged.sha256())));
    ctx.listener().installed(pack);
    if (options.dependencies() == InstallOptions.Dependencies.INSTALL) {
      for (PackDescriptor.Requirement r : staged.info().requirements()) {
        byId(new PackId(Optional.of(r.vendor()), r.name(), r.versions()), r.vendor() + "::" + r.name() + " " + r.versions());
      }
    }
  }

  /** What the archive must contain, as far as the request tells. */
  record Expected(Optional<String> vendor, Optional<String> name, Optional<String> version) {
    static Expected fromFileName(String fileName) {
      Matcher m = PACK_FILE.matcher(fileName);
      if (m.matches()) {
        return new Expected(Optional.of(m.group(1)), Optional.of(m.group(2)), Optional.of(m.group(3)));
      }
      return new Expected(Optional.empty(), Optional.empty(), Optional.empty());
    }

    void check(String source, PackDescriptor info, String entry) throws InvalidPackException {
      String top = info.version().map(Version::withoutMeta).orElse("");
      boolean ok =
          vendor.map(v -> v.equalsIgnoreCase(info.vendor())).orElse(true)
              && name.map(n -> n.equalsIgnoreCase(info.name())).orElse(true)
              && version.map(v -> Versions.stripMeta(v).equals(top)).orElse(true);
      if (!ok) {
        throw new InvalidPackException(
            source,
            Optional.of(entry),
            Problem.DESCRIPTOR_MISMATCH,
            "expected " + vendor.orElse("*") + "." + name.orElse("*") + "." + version.orElse("*")
                + ", the descriptor says " + info.vendor() + "." + info.name() + "." + (top.isEmpty() ? "(no release)" : top));
      }
      String fileName = entry.substring(entry.lastIndexOf('/') + 1);
      if (!fileName.equalsIgnoreCase(info.vendor() + "." + info.name() + ".pdsc")) {
        throw new InvalidPackException(
            source, Optional.of(entry), Problem.DESCRIPTOR_MISMATCH, "the descriptor must be named " + info.vendor() + "." + info.name() + ".pdsc");
      }
    }
  }

  static PackDescriptor parse(byte[] bytes, String source, String entry) throws InvalidPackException {
    try {
      return Pdsc.read(bytes, source + "!" + entry);
    } catch (IOException e) {
      throw new InvalidPackException(source, Optional.of(entry), Problem.BAD_DESCRIPTOR, e.getMessage());
    }
  }
}
