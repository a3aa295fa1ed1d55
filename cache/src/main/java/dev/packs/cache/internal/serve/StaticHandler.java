package dev.packs.cache.internal.serve;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.packs.cache.MirrorServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Answers GET and HEAD from {@link Resources}, read-only: any other method is 405. Sends a strong
 * ETag and Last-Modified, answers 304 to a matching {@code If-None-Match} (or, without one, to an
 * {@code If-Modified-Since} not older than the file), serves one byte range (206, or 416 when it
 * starts past the end) unless {@code If-Range} names another version, and reports every request.
 */
public final class StaticHandler implements HttpHandler {
  private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-]+(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]+\\](:[0-9]{1,5})?");

  private final Resources resources;
  private final URI fallbackBase;
  private final MirrorServer.Listener listener;
  private final Clock clock;

  private StaticHandler(Resources resources, URI fallbackBase, MirrorServer.Listener listener, Clock clock) {
    this.resources = resources;
    this.fallbackBase = fallbackBase;
    this.listener = listener;
    this.clock = clock;
  }

  public static StaticHandler folder(java.nio.file.Path dir, URI base, MirrorServer.Listener listener, Clock clock) throws IOException {
    return new StaticHandler(new FolderResources(dir), base, listener, clock);
  }

  public static StaticHandler packRoot(dev.packs.cache.PackRoot root, URI base, MirrorServer.Listener listener, Clock clock) {
    return new StaticHandler(new PackRootResources(root), base, listener, clock);
  }

  @Override
  public void handle(HttpExchange ex) throws IOException {
    Instant start = clock.instant();
    long[] sent = {0};
    int status;
    try {
      status = answer(ex, sent);
    } catch (IOException e) {
      status = 499; // the client went away mid-answer
    } catch (RuntimeException e) {
      status = 500; // a bug; the connection is closed without an answer, and the server goes on
    }
    try {
      String query = Optional.ofNullable(ex.getRequestURI().getRawQuery()).map(q -> "?" + q).orElse("");
      listener.served(new MirrorServer.Access(start, ex.getRemoteAddress().getAddress().getHostAddress(),
          ex.getRequestMethod(), ex.getRequestURI().getRawPath() + query, ex.getProtocol(), status, sent[0],
          Optional.ofNullable(ex.getRequestHeaders().getFirst("User-Agent")).orElse("-")));
    } finally {
      ex.close(); // after the report, so a client that sees the end of the answer sees it logged
    }
  }

  private int answer(HttpExchange ex, long[] sent) throws IOException {
    String method = ex.getRequestMethod();
    boolean head = method.equals("HEAD");
    if (!head && !method.equals("GET")) {
      ex.getResponseHeaders().set("Allow", "GET, HEAD");
      return error(ex, 405, "read-only: only GET and HEAD are allowed", false, sent);
    }
    RequestPath.Result path = RequestPath.parse(ex.getRequestURI().getRawPath());
    if (path instanceof RequestPath.Refused r) {
      return error(ex, r.status(), r.reason(), head, sent);
    }
    URI requested = base(ex).resolve(ex.getRequestURI().getRawPath().substring(1));
    Resources.Found found = resources.find(((RequestPath.Ok) path).segments(), requested);
    if (found instanceof Resources.Miss m) {
      return error(ex, m.status(), m.reason(), head, sent);
    }
    Resource resource = ((Resources.Hit) found).resource();
    Headers h = ex.getResponseHeaders();
    h.set("ETag", resource.etag());
    h.set("Last-Modified", HTTP_DATE.format(resource.modified()));
    h.set("Accept-Ranges", "bytes");
    h.set("Cache-Control", "no-cache");
    if (notModified(ex.getRequestHeaders(), resource)) {
      ex.sendResponseHeaders(304, -1);
      return 304;
    }
    h.set("Content-Type", resource.contentType());
    ByteRange.Parsed range = rangeWanted(ex.getRequestHeaders(), resource, head);
    if (range instanceof ByteRange.Unsatisfiable) {
      h.set("Content-Range", "bytes */" + resource.size());
      return error(ex, 416, "range not satisfiable", head, sent);
    }
    long first = 0;
    long length = resource.size();
    int status = 200;
    if (range instanceof ByteRange.Part p) {
      first = p.range().first();
      length = p.range().length();
      status = 206;
      h.set("Content-Range", "bytes " + p.range().first() + "-" + p.range().last() + "/" + resource.size());
    }
    send(ex, status, resource, first, length, head, sent);
    return status;
  }

  /** The URL the client used to reach us: its Host header when well-formed, else our own address. */
  private URI base(HttpExchange ex) {
    String host = ex.getRequestHeaders().getFirst("Host");
    if (host != null && HOST.matcher(host).matches()) {
      return URI.create("http://" + host + "/");
    }
    return fallbackBase;
  }

  private static boolean notModified(Headers request, Resource resource) {
    String inm = request.getFirst("If-None-Match");
    if (inm != null) {
      return Arrays.stream(inm.split(",")).map(String::strip)
          .anyMatch(t -> t.equals("*") || t.equals(resource.etag()) || t.equals("W/" + resource.etag()));
    }
    Optional<Instant> ims = date(request.getFirst("If-Modified-Since"));
    return ims.isPresent() && !resource.modified().truncatedTo(ChronoUnit.SECONDS).isAfter(ims.get());
  }

  private static ByteRange.Parsed rangeWanted(Headers request, Resource resource, boolean head) {
    String ifRange = request.getFirst("If-Range");
    if (head || ifRange != null && !ifRange.strip().equals(resource.etag())
        && !date(ifRange).map(d -> d.equals(resource.modified().truncatedTo(ChronoUnit.SECONDS))).orElse(false)) {
      return new ByteRange.Whole();
    }
    return ByteRange.parse(Optional.ofNullable(request.getFirst("Range")), resource.size());
  }

  private static Optional<Instant> date(String value) {
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static void send(HttpExchange ex, int status, Resource resource, long first, long length, boolean head, long[] sent)
      throws IOException {
    if (head || length == 0) {
      ex.getResponseHeaders().set("Content-Length", Long.toString(length));
      ex.sendResponseHeaders(status, -1);
      return;
    }
    ex.sendResponseHeaders(status, length);
    try (InputStream in = resource.body().open(first); OutputStream out = ex.getResponseBody()) {
      byte[] buffer = new byte[64 * 1024];
      long left = length;
      while (left > 0) {
        int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
        if (n < 0) {
          throw new IOException("the file shrank while it was sent");
        }
        out.write(buffer, 0, n);
        left -= n;
        sent[0] += n;
      }
    }
  }

  private static int error(HttpExchange ex, int status, String reason, boolean head, long[] sent) throws IOException {
    byte[] body = (status + " " + reason + "\n").getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    if (head) {
      ex.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
      ex.sendResponseHeaders(status, -1);
      return status;
    }
    ex.sendResponseHeaders(status, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
    sent[0] = body.length;
    return status;
  }
}
