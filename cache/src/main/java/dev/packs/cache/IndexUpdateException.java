package dev.packs.cache;

import java.util.List;
import java.util.Objects;

/**
 * Some descriptors could not be fetched during {@code update-index}. Everything else was updated; the
 * {@link #result} says what, and {@link IndexUpdate#failures} names each URL and reason.
 */
public final class IndexUpdateException extends CacheException {
  private final IndexUpdate result;

  public IndexUpdateException(IndexUpdate result) {
    super(result.failures().size() + " descriptor(s) failed to update", null);
    this.result = Objects.requireNonNull(result, "result");
  }

  public IndexUpdate result() {
    return result;
  }

  public List<IndexUpdate.Failure> failures() {
    return result.failures();
  }
}
