package dev.packs.cache.internal.net;

import dev.packs.cache.CacheConfig;
import dev.packs.cache.CacheListener;
import dev.packs.cache.DownloadException;
import dev.packs.cache.OfflineException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Picks the transport for a URL's scheme. Offline, http(s) is refused before any socket exists: the
 * OkHttp client is only built on the first online request.
 */
public final class Transports implements AutoCloseable {
  private final CacheConfig config;
  private final CacheListener listener;
  private final TransferStats stats = new TransferStats();
  private final FileTransport files;
  private HttpTransport http;

  public Transports(CacheConfig config, CacheListener listener) {
    this.config = config;
    this.listener = listener;
    this.files = new FileTransport(listener, stats);
  }

  /** Fetches {@code url}; {@code what} names the item in an offline error. */
  public Fetched fetch(String what, URI url, Optional<Validators> known, Path target, Expect expect)
      throws DownloadException, OfflineException, dev.packs.cache.CacheIoException {
    return forUrl(what, url).fetch(url, known, target, expect);
  }

  /** Throws unless {@code url} can be fetched in the current mode. */
  public void requireReachable(String what, URI url) throws OfflineException {
    String scheme = Optional.ofNullable(url.getScheme()).orElse("").toLowerCase(Locale.ROOT);
    if (!scheme.equals("file") && config.offline()) {
      throw new OfflineException(what, url);
    }
  }

  private Transport forUrl(String what, URI url) throws OfflineException, DownloadException {
    requireReachable(what, url);
    String scheme = Optional.ofNullable(url.getScheme()).orElse("").toLowerCase(Locale.ROOT);
    if (scheme.equals("file")) {
      return files;
    }
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new DownloadException(url, DownloadException.Reason.UNSUPPORTED_SCHEME, "only http, https and file URLs are fetched");
    }
    synchronized (this) {
      if (http == null) {
        http = new HttpTransport(config, listener, stats);
      }
      return http;
    }
  }

  public TransferStats stats() {
    return stats;
  }

  @Override
  public synchronized void close() {
    if (http != null) {
      http.close();
    }
  }
}
