package dev.packs.cache.internal.net;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Counts requests and body bytes across threads, for the summary of {@code update-index}. */
public final class TransferStats {
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicLong bytes = new AtomicLong();

  void request() {
    requests.incrementAndGet();
  }

  void bytes(long n) {
    bytes.addAndGet(n);
  }

  public int requests() {
    return requests.get();
  }

  public long bytes() {
    return bytes.get();
  }
}
