package dev.packs.cache.internal.mirror;

import dev.packs.cache.AtomicFiles;
import dev.packs.cache.CacheConfig;
import dev.packs.cache.CacheException;
import dev.packs.cache.CacheIoException;
import dev.packs.cache.DownloadException;
import dev.packs.cache.InvalidPackException;
import dev.packs.cache.PublicPack;
import dev.packs.cache.internal.Urls;
import dev.packs.cache.internal.index.IndexFile;
import dev.packs.cache.internal.index.Pdsc;
import dev.packs.cache.internal.net.Expect;
import dev.packs.cache.internal.net.Validators;
import dev.packs.cache.internal.pack.PackArchive;
import dev.packs.index.PackDescriptor;
import dev.packs.index.Version;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The two kinds of file a mirror holds for a pack: its latest descriptor, {@code Vendor.Name.pdsc},
 * and its archives, {@code Vendor.Name.Version.pack}. Each is checked before it is moved into place:
 * a descriptor must be the one the index promised, an archive must pass the checks {@code install}
 * applies and carry the descriptor of the version asked for.
 */
final class PackFiles {
  private final Path dir;
  private final Path stateDir;
  private final FileFetcher files;
  private final MirrorState state;
  private final Tally tally;
  private final CacheConfig.ZipLimits limits;

  PackFiles(Path dir, Path stateDir, FileFetcher files, MirrorState state, Tally tally, CacheConfig.ZipLimits limits) {
    this.dir = dir;
    this.stateDir = stateDir;
    this.files = files;
    this.state = state;
    this.tally = tally;
    this.limits = limits;
  }

  /**
   * Brings {@code Vendor.Name.pdsc} up to date and returns the upstream descriptor parsed. The upstream
   * copy is kept in the state folder (its validators make the request conditional); the folder gets
   * it without release URLs (see {@link ReleaseUrls}).
   */
  PackDescriptor descriptor(PublicPack entry) throws CacheException {
    String name = entry.vendor() + "." + entry.name() + ".pdsc";
    Path upstream = stateDir.resolve("descriptors").resolve(name);
    URI url = Urls.descriptor(entry);
    boolean fresh = files.fetch("descriptors/" + name, upstream, url, entry.version(), Expect.XML,
        part -> check(entry, url, parse(read(part), url.toString())));
    byte[] body = read(upstream);
    Path published = dir.resolve(name);
    if (fresh || state.file(name).filter(e -> FileFetcher.matchesDisk(e, published)).isEmpty()) {
      AtomicFiles.writeBytes(published, ReleaseUrls.strip(body));
      files.record(name, published, url, entry.version(), Validators.none());
    }
    return parse(body, upstream.toString());
  }

  /**
   * Makes sure the archive of {@code release} is in the folder: kept when it is the one recorded,
   * verified and recorded when a killed run left it unrecorded, else downloaded.
   *
   * @return the requirements of the archive's own descriptor
   */
  List<PackDescriptor.Requirement> archive(PublicPack entry, PackDescriptor info, PackDescriptor.Release release)
      throws CacheException {
    String version = release.version().withoutMeta();
    String name = entry.vendor() + "." + entry.name() + "." + version + ".pack";
    Path target = dir.resolve(name);
    URI url = archiveUrl(entry, info, release);
    if (state.file(name).filter(e -> FileFetcher.matchesDisk(e, target)).isPresent()) {
      tally.unchanged.incrementAndGet();
      return inspect(target, target.toString(), entry, version).requirements();
    }
    if (Files.isRegularFile(target)) {
      try {
        PackDescriptor inside = inspect(target, target.toString(), entry, version);
        files.record(name, target, url, version, Validators.none());
        tally.unchanged.incrementAndGet();
        return inside.requirements();
      } catch (InvalidPackException e) {
        // Not a whole, matching archive: fetched again below.
      }
    }
    files.fetch(name, target, url, version, Expect.ZIP, part -> inspect(part, url.toString(), entry, version));
    return inspect(target, target.toString(), entry, version).requirements();
  }

  /** Where an archive comes from, as {@code install} finds it: the release's own URL, else the index entry's folder. */
  static URI archiveUrl(PublicPack entry, PackDescriptor info, PackDescriptor.Release release) {
    return Urls.pack(release, info.vendor(), info.name(), info.url().map(IndexFile::uri), Optional.of(entry.url()));
  }

  private PackDescriptor inspect(Path archive, String source, PublicPack entry, String version) throws CacheException {
    PackArchive.Inspected inspected = PackArchive.inspect(archive, source, limits);
    PackDescriptor inside;
    try {
      inside = Pdsc.read(inspected.descriptor(), source + "!" + inspected.descriptorEntry());
    } catch (IOException e) {
      throw new InvalidPackException(source, Optional.of(inspected.descriptorEntry()), InvalidPackException.Problem.BAD_DESCRIPTOR, e.getMessage());
    }
    String found = inside.version().map(Version::withoutMeta).orElse("(no release)");
    if (!inside.vendor().equalsIgnoreCase(entry.vendor()) || !inside.name().equalsIgnoreCase(entry.name()) || !found.equals(version)) {
      throw new InvalidPackException(source, Optional.of(inspected.descriptorEntry()), InvalidPackException.Problem.DESCRIPTOR_MISMATCH,
          "expected " + entry.vendor() + "." + entry.name() + "." + version + ", the descriptor says "
              + inside.vendor() + "." + inside.name() + "." + found);
    }
    return inside;
  }

  private static void check(PublicPack entry, URI url, PackDescriptor info) throws DownloadException {
    if (!info.vendor().equalsIgnoreCase(entry.vendor()) || !info.name().equalsIgnoreCase(entry.name())) {
      throw new DownloadException(url, DownloadException.Reason.UNEXPECTED_CONTENT,
          "descriptor is " + info.vendor() + "." + info.name() + ", the index says " + entry.vendor() + "." + entry.name());
    }
  }

  private static PackDescriptor parse(byte[] body, String source) throws CacheException {
    try {
      return Pdsc.read(body, source);
    } catch (IOException e) {
      throw new InvalidPackException(source, Optional.empty(), InvalidPackException.Problem.BAD_DESCRIPTOR, e.getMessage());
    }
  }

  private static byte[] read(Path file) throws CacheIoException {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new CacheIoException(file, e);
    }
  }

}
