package dev.packs.cache.internal;

import dev.packs.cache.DownloadException;
import dev.packs.cache.DownloadException.Reason;
import dev.packs.cache.PublicPack;
import dev.packs.cache.internal.index.Versions;
import dev.packs.index.IndexException;
import dev.packs.index.PackDescriptor;
import dev.packs.index.PdscReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a downloaded descriptor must be before it may replace a {@code .Web} copy: a descriptor
 * (well-formed XML with a {@code <package>} root, a vendor and a name), of the pack the index promised
 * at that URL, listing the version the index gave. Semantic flaws inside it (a bad number, a family
 * without a name) are left to the device database, which skips what it cannot read.
 */
final class DescriptorCheck {
  private DescriptorCheck() {}

  static PackDescriptor check(Path body, URI url, PublicPack promised) throws DownloadException {
    PackDescriptor info;
    try (InputStream in = Files.newInputStream(body)) {
      info = PdscReader.read(in, url.toString());
    } catch (IndexException e) {
      throw new DownloadException(url, Reason.UNEXPECTED_CONTENT, e.getMessage());
    } catch (IOException e) {
      throw new DownloadException(url, Reason.UNEXPECTED_CONTENT, "cannot read the downloaded descriptor: " + e.getMessage());
    }
    String promise = "the index promises " + promised.vendor() + "::" + promised.name() + "@" + promised.version();
    if (!info.vendor().equalsIgnoreCase(promised.vendor()) || !info.name().equalsIgnoreCase(promised.name())) {
      throw new DownloadException(url, Reason.UNEXPECTED_CONTENT,
          "the descriptor is " + info.vendor() + "::" + info.name() + ", " + promise);
    }
    String version = Versions.stripMeta(promised.version());
    boolean listed = info.releases().stream().anyMatch(r -> r.version().withoutMeta().equals(version));
    if (!version.isEmpty() && !listed) {
      throw new DownloadException(url, Reason.UNEXPECTED_CONTENT,
          "the descriptor lists no release " + version + " (newest: "
              + info.version().map(v -> v.withoutMeta()).orElse("none") + "), " + promise);
    }
    return info;
  }
}
