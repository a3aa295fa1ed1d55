package dev.packs.cache.internal;

import dev.packs.cache.CacheException;
import dev.packs.cache.CacheIoException;
import dev.packs.cache.DownloadException;
import dev.packs.cache.InvalidPackException;
import dev.packs.cache.PackNotFoundException;
import dev.packs.cache.PublicPack;
import dev.packs.cache.AtomicFiles;
import dev.packs.index.PackDescriptor;
import dev.packs.cache.internal.index.IndexFile;
import dev.packs.cache.internal.net.Expect;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Finds the descriptor of a pack: a local registration first, then {@code .Web}, then a download
 * from the URL the index gives (stored into {@code .Web}). Fetches the bare index, and nothing else,
 * when a fresh root has none.
 */
final class Descriptors {
  private final Context ctx;

  Descriptors(Context ctx) {
    this.ctx = ctx;
  }

  /** A descriptor, and the {@code url} its index entry gave (the base for pack URLs). */
  record Found(PackDescriptor info, Optional<URI> indexUrl) {}

  String vendorOf(String name) throws CacheException {
    TreeSet<String> vendors = new TreeSet<>();
    for (PublicPack p : LocalRepository.read(ctx.root())) {
      if (p.name().equalsIgnoreCase(name)) {
        vendors.add(p.vendor());
      }
    }
    InstalledPacks.scan(ctx.root()).stream().filter(p -> p.name().equalsIgnoreCase(name)).forEach(p -> vendors.add(p.vendor()));
    if (vendors.isEmpty()) {
      index().stream().filter(p -> p.name().equalsIgnoreCase(name)).forEach(p -> vendors.add(p.vendor()));
    }
    if (vendors.isEmpty()) {
      throw new PackNotFoundException(name, "no pack of that name in " + ctx.root().publicIndex());
    }
    if (vendors.size() > 1) {
      throw new PackNotFoundException(name, "ambiguous, several vendors ship it: " + vendors + "; write Vendor::" + name);
    }
    return vendors.first();
  }

  Found find(String vendor, String name, String request) throws CacheException {
    for (PublicPack p : LocalRepository.read(ctx.root())) {
      if (p.vendor().equalsIgnoreCase(vendor) && p.name().equalsIgnoreCase(name)) {
        Path pdsc = FileTransportPaths.dir(p.url()).resolve(p.vendor() + "." + p.name() + ".pdsc");
        return new Found(parse(pdsc), Optional.empty());
      }
    }
    Optional<PublicPack> entry = index().stream()
        .filter(p -> p.vendor().equalsIgnoreCase(vendor) && p.name().equalsIgnoreCase(name))
        .findFirst();
    Path web = ctx.root().webDescriptor(entry.map(PublicPack::vendor).orElse(vendor), entry.map(PublicPack::name).orElse(name));
    if (Files.isRegularFile(web)) {
      return new Found(parse(web), entry.map(PublicPack::url));
    }
    if (entry.isEmpty()) {
      throw new PackNotFoundException(request, "not listed in " + ctx.root().publicIndex());
    }
    URI url = Urls.descriptor(entry.get());
    Path part = AtomicFiles.partFor(web);
    try {
      Files.createDirectories(web.getParent());
      ctx.transports().fetch(web.getFileName().toString(), url, Optional.empty(), part, Expect.XML);
      PackDescriptor info = DescriptorCheck.check(part, url, entry.get());
      AtomicFiles.commit(part, web);
      return new Found(info, entry.map(PublicPack::url));
    } catch (IOException e) {
      throw new CacheIoException(web, e);
    } finally {
      AtomicFiles.deleteQuietly(part);
    }
  }

  /** The public index, fetched (index only) when the root has none yet. */
  List<PublicPack> index() throws CacheException {
    Path index = ctx.root().publicIndex();
    if (!Files.isRegularFile(index)) {
      URI url = ctx.config().indexUrl();
      Path part = AtomicFiles.partFor(index);
      try {
        Files.createDirectories(index.getParent());
        ctx.transports().fetch("the pack index " + index.getFileName(), url, Optional.empty(), part, Expect.XML);
        IndexFile.resolveRelative(part, url);
        IndexFile.read(part);
        AtomicFiles.commit(part, index);
      } catch (IOException e) {
        throw new DownloadException(url, DownloadException.Reason.UNEXPECTED_CONTENT, "not a pack index: " + e.getMessage());
      } finally {
        AtomicFiles.deleteQuietly(part);
      }
    }
    try {
      return IndexFile.read(index);
    } catch (IOException e) {
      throw new CacheIoException(index, e);
    }
  }

  static PackDescriptor parse(Path pdsc) throws CacheException {
    try (java.io.InputStream in = Files.newInputStream(pdsc)) {
      return dev.packs.index.PdscReader.read(in, pdsc.toString());
    } catch (dev.packs.index.IndexException e) {
      throw new InvalidPackException(pdsc.toString(), Optional.empty(), InvalidPackException.Problem.BAD_DESCRIPTOR, e.getMessage());
    } catch (java.nio.file.NoSuchFileException e) {
      throw new PackNotFoundException(pdsc.toString(), "no such file");
    } catch (IOException e) {
      throw new InvalidPackException(pdsc.toString(), Optional.empty(), InvalidPackException.Problem.BAD_DESCRIPTOR, e.getMessage());
    }
  }

  /** Turns the {@code file://localhost/dir/} URLs of the local repository into folders. */
  static final class FileTransportPaths {
    private FileTransportPaths() {}

    static Path dir(URI url) {
      return Path.of(URI.create("file://" + url.getRawPath()));
    }
  }
}
