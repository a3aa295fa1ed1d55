package dev.packs.cache.internal.mirror;

import dev.packs.cache.CacheException;
import dev.packs.cache.DownloadException;
import dev.packs.cache.MirrorResult;
import dev.packs.cache.PublicPack;
import dev.packs.cache.internal.index.IndexFile;
import dev.packs.cache.internal.index.Versions;
import dev.packs.cache.internal.net.Expect;
import dev.packs.index.PackIndex;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The index a mirror copies from: fetched conditionally into the state folder (relative entry URLs
 * resolved against it), a vendor index expanded as {@code update-index} does, newest entry per pack.
 */
final class UpstreamIndex {
  private final FileFetcher files;
  private final Path stateDir;
  private final List<MirrorResult.Failure> failures;

  UpstreamIndex(FileFetcher files, Path stateDir, List<MirrorResult.Failure> failures) {
    this.files = files;
    this.stateDir = stateDir;
    this.failures = failures;
  }

  /** The packs {@code url} lists, newest version of each, keyed by lower-case {@code vendor.name}. */
  Map<String, PublicPack> fetch(URI url) throws CacheException {
    Path copy = stateDir.resolve("upstream.pidx");
    files.fetch("upstream.pidx", copy, url, "", Expect.XML, part -> readable(url, part));
    PackIndex index = parse(url, copy);
    List<PublicPack> packs = new ArrayList<>(IndexFile.packs(index));
    for (PackIndex.VendorIndex vendor : index.vendorIndexes()) {
      URI pidx = url.resolve(IndexFile.uri(vendor.pidxUrl()));
      Path target = stateDir.resolve("vendors").resolve(vendor.vendor() + ".pidx");
      try {
        files.fetch("vendors/" + vendor.vendor() + ".pidx", target, pidx, "", Expect.XML, part -> readable(pidx, part));
        packs.addAll(IndexFile.packs(parse(pidx, target)));
      } catch (CacheException e) {
        failures.add(new MirrorResult.Failure(vendor.vendor() + ".pidx", pidx, e.getMessage()));
      }
    }
    return newestPerPack(packs);
  }

  private static void readable(URI url, Path part) throws DownloadException {
    try {
      IndexFile.resolveRelative(part, url);
      IndexFile.parse(part);
    } catch (IOException e) {
      throw new DownloadException(url, DownloadException.Reason.UNEXPECTED_CONTENT, "not a pack index: " + e.getMessage());
    }
  }

  private static PackIndex parse(URI url, Path file) throws DownloadException {
    try {
      return IndexFile.parse(file);
    } catch (IOException e) {
      throw new DownloadException(url, DownloadException.Reason.UNEXPECTED_CONTENT, "not a pack index: " + e.getMessage());
    }
  }

  static String key(String vendor, String name) {
    return (vendor + "." + name).toLowerCase(Locale.ROOT);
  }

  private static Map<String, PublicPack> newestPerPack(List<PublicPack> all) {
    Map<String, PublicPack> newest = new LinkedHashMap<>();
    for (PublicPack p : all) {
      newest.merge(key(p.vendor(), p.name()), p, (a, b) -> Versions.compare(a.version(), b.version()) >= 0 ? a : b);
    }
    return newest;
  }
}
