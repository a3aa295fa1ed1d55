package dev.packs.cache;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What {@code update-index} did.
 *
 * @param indexChanged whether the index body was transferred (false on a 304)
 * @param listed descriptors the index lists
 * @param fetched descriptor bodies transferred
 * @param notModified descriptors the server confirmed unchanged (304)
 * @param skipped descriptors not requested because their index version did not change
 * @param requests requests made, including retries
 * @param bytes body bytes received
 * @param elapsed wall time
 * @param failures each descriptor that could not be updated, with its URL and reason
 */
public record IndexUpdate(
    boolean indexChanged,
    int listed,
    int fetched,
    int notModified,
    int skipped,
    int requests,
    long bytes,
    Duration elapsed,
    List<Failure> failures) {
  public IndexUpdate {
    Objects.requireNonNull(elapsed, "elapsed");
    failures = List.copyOf(failures);
  }

  /** One descriptor that failed, and why. */
  public record Failure(URI url, String reason) {
    public Failure {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
