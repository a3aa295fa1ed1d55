package dev.packs.cache;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything the cache needs to know, fixed at construction. Build one with {@link #builder}; every
 * field has a default that works for the public Keil index.
 *
 * @param root the pack root
 * @param indexUrl the public index, {@code https://www.keil.com/pack/index.pidx} unless a mirror is set
 * @param network whether the network may be used at all
 * @param timeouts connect, read (stall) and whole-call limits
 * @param retry how often and how patiently to retry 5xx, timeouts and resets
 * @param proxies the proxy settings, usually from {@code HTTP_PROXY}/{@code HTTPS_PROXY}/{@code NO_PROXY}
 * @param perHostLimit most concurrent requests to one host
 * @param lockTimeout how long to wait for another process's lock on the root
 * @param zipLimits caps against zip bombs
 * @param userAgent the User-Agent header
 * @param clock the clock for timestamps
 */
public record CacheConfig(
    PackRoot root,
    URI indexUrl,
    Network network,
    Timeouts timeouts,
    RetryPolicy retry,
    ProxySettings proxies,
    int perHostLimit,
    Duration lockTimeout,
    ZipLimits zipLimits,
    String userAgent,
    Clock clock) {

  public static final URI DEFAULT_INDEX = URI.create("https://www.keil.com/pack/index.pidx");

  /** Whether the cache may open sockets. */
  public enum Network {
    ONLINE,
    /** Never open a socket; {@code file:} URLs and the pack root still work. */
    OFFLINE
  }

  /** Connect, read and whole-call timeouts; a read timeout is how a stalled body is detected. */
  public record Timeouts(Duration connect, Duration read, Duration call) {
    public Timeouts {
      positive(connect, "connect");
      positive(read, "read");
      positive(call, "call");
    }

    public static Timeouts defaults() {
      return new Timeouts(Duration.ofSeconds(15), Duration.ofSeconds(20), Duration.ofMinutes(10));
    }
  }

  /** Exponential backoff, for 5xx answers, timeouts and resets only; 4xx is never retried. */
  public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
    public RetryPolicy {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
      }
      Objects.requireNonNull(initialBackoff, "initialBackoff");
      Objects.requireNonNull(maxBackoff, "maxBackoff");
    }

    public static RetryPolicy defaults() {
      return new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(8));
    }

    /** The pause before attempt {@code attempt} (2 is the first retry). */
    public Duration backoff(int attempt) {
      long factor = 1L << Math.min(20, Math.max(0, attempt - 2));
      Duration d = initialBackoff.multipliedBy(factor);
      return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
    }
  }

  /** Caps on what a pack may expand to: total bytes, compression ratio and number of entries. */
  public record ZipLimits(long maxExpandedBytes, int maxRatio, int maxEntries) {
    public ZipLimits {
      if (maxExpandedBytes <= 0 || maxRatio <= 0 || maxEntries <= 0) {
        throw new IllegalArgumentException("zip limits must be positive");
      }
    }

    public static ZipLimits defaults() {
      return new ZipLimits(4L << 30, 200, 200_000);
    }
  }

  public CacheConfig {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(indexUrl, "indexUrl");
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(timeouts, "timeouts");
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(proxies, "proxies");
    positive(lockTimeout, "lockTimeout");
    Objects.requireNonNull(zipLimits, "zipLimits");
    Objects.requireNonNull(userAgent, "userAgent");
    Objects.requireNonNull(clock, "clock");
    if (perHostLimit < 1) {
      throw new IllegalArgumentException("perHostLimit must be at least 1: " + perHostLimit);
    }
    if (!indexUrl.isAbsolute()) {
      throw new IllegalArgumentException("index URL must be absolute: " + indexUrl);
    }
  }

  public boolean offline() {
    return network == Network.OFFLINE;
  }

  public static Builder builder(PackRoot root) {
    return new Builder(root);
  }

  private static void positive(Duration d, String what) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(what + " must be positive: " + d);
    }
  }

  /** Builds a {@link CacheConfig}; every setter is optional. */
  public static final class Builder {
    private final PackRoot root;
    private URI indexUrl = DEFAULT_INDEX;
    private Network network = Network.ONLINE;
    private Timeouts timeouts = Timeouts.defaults();
    private RetryPolicy retry = RetryPolicy.defaults();
    private ProxySettings proxies = ProxySettings.none();
    private int perHostLimit = 6;
    private Duration lockTimeout = Duration.ofMinutes(10);
    private ZipLimits zipLimits = ZipLimits.defaults();
    private String userAgent = "packs/dev";
    private Clock clock = Clock.systemUTC();

    private Builder(PackRoot root) {
      this.root = root;
    }

    public Builder indexUrl(URI value) {
      indexUrl = value;
      return this;
    }

    public Builder network(Network value) {
      network = value;
      return this;
    }

    public Builder timeouts(Timeouts value) {
      timeouts = value;
      return this;
    }

    public Builder retry(RetryPolicy value) {
      retry = value;
      return this;
    }

    public Builder proxies(ProxySettings value) {
      proxies = value;
      return this;
    }

    public Builder perHostLimit(int value) {
      perHostLimit = value;
      return this;
    }

    public Builder lockTimeout(Duration value) {
      lockTimeout = value;
      return this;
    }

    public Builder zipLimits(ZipLimits value) {
      zipLimits = value;
      return this;
    }

    /** Sets the User-Agent to {@code packs/<version>}. */
    public Builder version(String value) {
      userAgent = "packs/" + value;
      return this;
    }

    public Builder clock(Clock value) {
      clock = value;
      return this;
    }

    public CacheConfig build() {
      return new CacheConfig(
          root, indexUrl, network, timeouts, retry, proxies, perHostLimit, lockTimeout, zipLimits, userAgent, clock);
    }
  }
}
