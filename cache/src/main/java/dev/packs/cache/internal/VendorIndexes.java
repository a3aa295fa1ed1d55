package dev.packs.cache.internal;

import dev.packs.cache.CacheException;
import dev.packs.cache.IndexUpdate;
import dev.packs.cache.PublicPack;
import dev.packs.cache.AtomicFiles;
import dev.packs.cache.internal.disk.WebState;
import dev.packs.cache.internal.index.IndexFile;
import dev.packs.cache.internal.net.Expect;
import dev.packs.cache.internal.net.Fetched;
import dev.packs.cache.internal.net.Validators;
import dev.packs.index.PackIndex;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Expands a vendor index ({@code .vidx}) into the flat pack list, as vidx2pidx does: each {@code
 * <pidx>} is fetched from {@code url + vendor + ".pidx"} (conditionally, kept in {@code
 * .packs/vendors/}), and any transitional {@code <pindex>} entries of the vidx itself are kept.
 */
final class VendorIndexes {
  private final Context ctx;
  private final WebState state;
  private final List<IndexUpdate.Failure> failures;

  VendorIndexes(Context ctx, WebState state, List<IndexUpdate.Failure> failures) {
    this.ctx = ctx;
    this.state = state;
    this.failures = failures;
  }

  List<PublicPack> expand(PackIndex vidx) {
    List<PublicPack> packs = new ArrayList<>(IndexFile.packs(vidx));
    for (PackIndex.VendorIndex vendor : vidx.vendorIndexes()) {
      URI url = IndexFile.uri(vendor.pidxUrl());
      try {
        packs.addAll(IndexFile.read(fetch(vendor.vendor(), url)));
      } catch (CacheException e) {
        failures.add(new IndexUpdate.Failure(url, e.getMessage()));
      } catch (IOException e) {
        failures.add(new IndexUpdate.Failure(url, "not a pack index: " + e.getMessage()));
      }
    }
    return packs;
  }

  private Path fetch(String vendor, URI url) throws CacheException, IOException {
    Path target = ctx.root().stateDir().resolve("vendors").resolve(vendor + ".pidx");
    String key = "pidx:" + vendor;
    WebState.Entry prev = state.descriptors().get(key);
    Optional<Validators> known =
        Files.isRegularFile(target) && prev != null && prev.url().equals(url.toString())
            ? Optional.of(prev.validators()).filter(v -> !v.isEmpty())
            : Optional.empty();
    Path part = AtomicFiles.partFor(target);
    try {
      Files.createDirectories(target.getParent());
      Fetched result = ctx.transports().fetch(vendor + ".pidx", url, known, part, Expect.XML);
      if (result instanceof Fetched.Downloaded d) {
        IndexFile.read(part);
        AtomicFiles.commit(part, target);
        state.descriptors().put(key, WebState.Entry.of(url.toString(), "", d.validators()));
      }
      return target;
    } finally {
      AtomicFiles.deleteQuietly(part);
    }
  }
}
