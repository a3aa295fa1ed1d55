package dev.packs.cache;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What {@code packs mirror} did, and what the folder now holds.
 *
 * @param dir the mirror folder
 * @param indexUrl the {@code file:} URL of its {@code index.pidx}, usable as {@code --index-url}
 * @param packs every pack archive in the folder, sorted
 * @param fetched files whose body was transferred in this run
 * @param notModified files the upstream server confirmed unchanged (304)
 * @param unchanged pack archives already in the folder and verified, so not requested at all
 * @param requests requests made, including retries
 * @param bytes body bytes received
 * @param elapsed wall time
 * @param failures each item that could not be mirrored, with its URL and reason
 */
public record MirrorResult(
    Path dir,
    URI indexUrl,
    List<Item> packs,
    int fetched,
    int notModified,
    int unchanged,
    int requests,
    long bytes,
    Duration elapsed,
    List<Failure> failures) {
  public MirrorResult {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(indexUrl, "indexUrl");
    packs = List.copyOf(packs);
    Objects.requireNonNull(elapsed, "elapsed");
    failures = List.copyOf(failures);
  }

  /** One pack archive of the mirror, with the SHA-256 recorded in its {@code SHA256SUMS}. */
  public record Item(String vendor, String name, String version, String sha256, long size) {
    public String id() {
      return vendor + "." + name + "." + version;
    }
  }

  /** One item that failed: a pack ({@code Vendor.Name[.Version]}) or the index, its URL and why. */
  public record Failure(String item, URI url, String reason) {
    public Failure {
      Objects.requireNonNull(item, "item");
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
