package dev.packs.cache;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on 127.0.0.1 for tests: serves a folder with ETag/Last-Modified and 304s, lets a
 * test replace any path with its own handler (faults), and records every request.
 */
final class LoopbackServer implements AutoCloseable {
  /** One request as the server saw it. */
  record Seen(String method, String path, Map<String, List<String>> headers) {
    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  private final HttpServer server;
  private final Path docs;
  private final Map<String, HttpHandler> overrides = new ConcurrentHashMap<>();
  private final List<Seen> seen = new CopyOnWriteArrayList<>();

  LoopbackServer(Path docs) throws IOException {
    this.docs = docs;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.setExecutor(Executors.newFixedThreadPool(16));
    server.createContext("/", this::handle);
    server.start();
  }

  URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + path);
  }

  /** Serves {@code path} with {@code handler} instead of the folder. */
  void override(String path, HttpHandler handler) {
    overrides.put("/" + path, handler);
  }

  List<Seen> requests() {
    return List.copyOf(seen);
  }

  long count(String suffix) {
    return seen.stream().filter(s -> s.path().endsWith(suffix)).count();
  }

  void clear() {
    seen.clear();
  }

  private void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    seen.add(new Seen(ex.getRequestMethod(), path, Map.copyOf(ex.getRequestHeaders())));
    try (ex) {
      HttpHandler override = overrides.get(path);
      if (override != null) {
        override.handle(ex);
        return;
      }
      Path file = docs.resolve(path.substring(1)).normalize();
      if (!file.startsWith(docs) || !Files.isRegularFile(file)) {
        ex.sendResponseHeaders(404, -1);
        return;
      }
      String etag = "\"" + Files.size(file) + "-" + Files.getLastModifiedTime(file).toMillis() + "\"";
      ex.getResponseHeaders().set("ETag", etag);
      if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
        ex.sendResponseHeaders(304, -1);
        return;
      }
      byte[] body = Files.readAllBytes(file);
      ex.sendResponseHeaders(200, body.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** A handler that answers with a fixed status and body. */
  static HttpHandler fixed(int status, String contentType, byte[] body) {
    return ex -> {
      ex.getResponseHeaders().set("Content-Type", contentType);
      ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        try (OutputStream out = ex.getResponseBody()) {
          out.write(body);
        }
      }
    };
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
