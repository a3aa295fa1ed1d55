package dev.packs.cache.internal.net;

import dev.packs.cache.CacheConfig;
import dev.packs.cache.CacheIoException;
import dev.packs.cache.CacheListener;
import dev.packs.cache.DownloadException;
import dev.packs.cache.DownloadException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Fetches http(s) URLs with OkHttp: connect, read and call timeouts; retries with backoff on 5xx,
 * timeouts and resets but never on 4xx; redirects followed by hand so that a loop is named;
 * conditional requests from stored validators; a User-Agent naming packs.
 */
public final class HttpTransport implements Transport {
  private static final int MAX_REDIRECTS = 10;

  private final OkHttpClient client;
  private final CacheConfig config;
  private final CacheListener listener;
  private final TransferStats stats;

  public HttpTransport(CacheConfig config, CacheListener listener, TransferStats stats) {
    this.config = config;
    this.listener = listener;
    this.stats = stats;
    this.client =
        new OkHttpClient.Builder()
            .connectTimeout(config.timeouts().connect())
            .readTimeout(config.timeouts().read())
            .writeTimeout(config.timeouts().read())
            .callTimeout(config.timeouts().call())
            .followRedirects(false)
            .followSslRedirects(false)
            // Lets OkHttp replay a request on a pooled connection the server had already closed
            // (HTTP/1.0 mirrors such as python3 -m http.server) or on another route; timeouts and
            // bad responses still go through our own retry policy.
            .retryOnConnectionFailure(true)
            .proxySelector(new EnvProxySelector(config.proxies()))
            .build();
  }

  @Override
  public Fetched fetch(URI url, Optional<Validators> known, Path target, Expect expect)
      throws DownloadException, CacheIoException {
    int attempt = 1;
    while (true) {
      try {
        Fetched fetched = followRedirects(url, known, target);
        if (fetched instanceof Fetched.Downloaded) {
          ContentCheck.check(url, target, expect);
        }
        return fetched;
      } catch (Retryable r) {
        if (attempt >= config.retry().maxAttempts()) {
          throw r.failure;
        }
        attempt++;
        long pause = config.retry().backoff(attempt).toMillis();
        listener.retrying(url, attempt, r.failure.getMessage(), pause);
        sleep(pause, url);
      }
    }
  }

  /** Shuts down the client's threads and connections. */
  public void close() {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }

  private Fetched followRedirects(URI url, Optional<Validators> known, Path target)
      throws DownloadException, CacheIoException, Retryable {
    Set<URI> visited = new LinkedHashSet<>();
    URI current = url;
    while (visited.add(current)) {
      if (visited.size() > MAX_REDIRECTS) {
        throw new DownloadException(url, Reason.REDIRECT_LOOP, "more than " + MAX_REDIRECTS + " redirects: " + visited);
      }
      Hop hop = once(url, current, known, target);
      if (hop.next.isEmpty()) {
        return hop.result;
      }
      current = hop.next.get();
    }
    throw new DownloadException(url, Reason.REDIRECT_LOOP, "redirects return to " + current + " after " + visited);
  }

  private record Hop(Fetched result, Optional<URI> next) {}

  private Hop once(URI original, URI current, Optional<Validators> known, Path target)
      throws DownloadException, CacheIoException, Retryable {
    Request.Builder request = new Request.Builder().url(current.toString()).header("User-Agent", config.userAgent());
    known.flatMap(Validators::etag).ifPresent(v -> request.header("If-None-Match", v));
    known.flatMap(Validators::lastModified).ifPresent(v -> request.header("If-Modified-Since", v));
    listener.requestStarted(current);
    stats.request();
    try (Response response = client.newCall(request.build()).execute()) {
      int code = response.code();
      if (code == 304 && known.isPresent()) {
        return new Hop(new Fetched.NotModified(), Optional.empty());
      }
      if (code >= 300 && code < 400 && response.header("Location") != null) {
        return new Hop(null, Optional.of(current.resolve(response.header("Location"))));
      }
      checkStatus(original, code);
      long bytes = copyBody(original, response.body(), target);
      Validators validators =
          new Validators(Optional.ofNullable(response.header("ETag")), Optional.ofNullable(response.header("Last-Modified")));
      return new Hop(new Fetched.Downloaded(validators, bytes), Optional.empty());
    } catch (IOException e) {
      throw classify(original, e);
    }
  }

  private static void checkStatus(URI url, int code) throws DownloadException, Retryable {
    if (code == 200) {
      return;
    }
    Reason reason = code == 404 || code == 410 ? Reason.NOT_FOUND : Reason.HTTP_STATUS;
    DownloadException failure = new DownloadException(url, reason, OptionalInt.of(code), "", null);
    if (code >= 500 || code == 429) {
      throw new Retryable(failure);
    }
    throw failure;
  }

  private long copyBody(URI url, ResponseBody body, Path target) throws IOException, CacheIoException, Retryable {
    long total = body.contentLength();
    long done = 0;
    long reported = 0;
    try (InputStream in = body.byteStream();
        BodyFile out = BodyFile.create(target)) {
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        out.write(buffer, n);
        done += n;
        stats.bytes(n);
        if (done - reported >= 256 * 1024) {
          listener.bytesReceived(url, done, total);
          reported = done;
        }
      }
    }
    listener.bytesReceived(url, done, total);
    if (total >= 0 && done < total) {
      throw new Retryable(new DownloadException(url, Reason.TRUNCATED, done + " of " + total + " bytes"));
    }
    return done;
  }

  private Retryable classify(URI url, IOException e) throws DownloadException {
    if (e instanceof SocketTimeoutException) {
      String what = "no data for " + config.timeouts().read().toMillis() + " ms";
      return new Retryable(new DownloadException(url, Reason.STALLED, OptionalInt.empty(), what, e));
    }
    if (e instanceof InterruptedIOException) {
      String what = "the whole call exceeded " + config.timeouts().call().toSeconds() + " s";
      throw new DownloadException(url, Reason.TIMEOUT, OptionalInt.empty(), what, e);
    }
    if (e instanceof UnknownHostException) {
      throw new DownloadException(url, Reason.CONNECTION, OptionalInt.empty(), "unknown host " + url.getHost(), e);
    }
    Reason reason = e instanceof ConnectException ? Reason.CONNECTION : Reason.TRUNCATED;
    return new Retryable(new DownloadException(url, reason, OptionalInt.empty(), String.valueOf(e.getMessage()), e));
  }

  private static void sleep(long millis, URI url) throws DownloadException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DownloadException(url, Reason.TIMEOUT, OptionalInt.empty(), "interrupted", e);
    }
  }

  /** A failure worth another attempt. */
  private static final class Retryable extends Exception {
    final DownloadException failure;

    Retryable(DownloadException failure) {
      super(failure.getMessage(), null, false, false);
      this.failure = failure;
    }
  }
}
