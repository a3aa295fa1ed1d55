package dev.packs.cache.internal;

import dev.packs.cache.PublicPack;
import dev.packs.index.PackDescriptor;
import dev.packs.cache.internal.index.Versions;
import java.net.URI;
import java.util.Optional;

/**
 * Download URLs exactly as the spec builds them: {@code url + Vendor.Name.pdsc} and {@code url +
 * Vendor.Name.Version.pack}, unless a {@code <release url=...>} names the pack. The base is the
 * index entry's {@code url} (so a mirror serves its own packs), else the descriptor's. A {@code url} without
 * its trailing slash gets one (cmsis-pack-manager #95 broke on that).
 */
public final class Urls {
  private Urls() {}

  public static URI descriptor(PublicPack p) {
    return base(p.url()).resolve(p.vendor() + "." + p.name() + ".pdsc");
  }

  public static URI pack(PackDescriptor.Release release, String vendor, String name, Optional<URI> descriptorUrl, Optional<URI> indexUrl)
      throws IllegalStateException {
    if (release.url().isPresent()) {
      return dev.packs.cache.internal.index.IndexFile.uri(release.url().get());
    }
    URI base = indexUrl.or(() -> descriptorUrl).orElseThrow(() -> new IllegalStateException("no URL for " + vendor + "." + name));
    return base(base).resolve(vendor + "." + name + "." + release.version().withoutMeta() + ".pack");
  }

  public static URI base(URI url) {
    String s = url.toString();
    if (!s.contains("://") && !s.startsWith("file:")) {
      s = "https://" + s;
    }
    return URI.create(s.endsWith("/") ? s : s + "/");
  }
}
