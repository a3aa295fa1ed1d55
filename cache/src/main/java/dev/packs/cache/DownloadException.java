package dev.packs.cache;

import java.net.URI;
import java.util.Objects;
import java.util.OptionalInt;

/** A download failed; names the URL, what went wrong and, for HTTP errors, the status code. */
public final class DownloadException extends CacheException {
  /** What went wrong with a download. */
  public enum Reason {
    /** The server answered with an error status (4xx, or 5xx after all retries). */
    HTTP_STATUS,
    /** There is nothing at the URL: HTTP 404/410, or a missing file. */
    NOT_FOUND,
    /** The body ended before the announced length. */
    TRUNCATED,
    /** The body was empty. */
    EMPTY,
    /** No byte arrived for longer than the read timeout. */
    STALLED,
    /** The whole call took longer than the call timeout. */
    TIMEOUT,
    /** An HTML page arrived where a descriptor, index or pack was expected. */
    HTML_INSTEAD_OF_CONTENT,
    /** The content is not what was asked for (not XML, not a zip, wrong descriptor). */
    UNEXPECTED_CONTENT,
    /** Redirects came back to a URL already visited, or there were too many. */
    REDIRECT_LOOP,
    /** The connection could not be made or was reset. */
    CONNECTION,
    /** The URL's scheme is neither http, https nor file. */
    UNSUPPORTED_SCHEME
  }

  private final URI url;
  private final Reason reason;
  private final OptionalInt status;

  public DownloadException(URI url, Reason reason, OptionalInt status, String detail, Throwable cause) {
    super(message(url, reason, status, detail), cause);
    this.url = Objects.requireNonNull(url, "url");
    this.reason = Objects.requireNonNull(reason, "reason");
    this.status = Objects.requireNonNull(status, "status");
  }

  public DownloadException(URI url, Reason reason, String detail) {
    this(url, reason, OptionalInt.empty(), detail, null);
  }

  private static String message(URI url, Reason reason, OptionalInt status, String detail) {
    String what = status.isPresent() ? "HTTP " + status.getAsInt() : reason.name().toLowerCase().replace('_', ' ');
    return "download failed: " + url + " (" + what + (detail.isEmpty() ? "" : "; " + detail) + ")";
  }

  public URI url() {
    return url;
  }

  public Reason reason() {
    return reason;
  }

  public OptionalInt status() {
    return status;
  }
}
