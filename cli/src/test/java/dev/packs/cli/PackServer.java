package dev.packs.cli;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A pack server on 127.0.0.1 built from real shared descriptors: {@code index.pidx}, the latest
 * descriptors and their packs. Records every request; can throttle bodies so a child process can be
 * killed mid-download.
 */
final class PackServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService pool = Executors.newFixedThreadPool(16);
  private final Path docs;
  private final List<String> seen = new CopyOnWriteArrayList<>();
  private volatile long bytesPerSecond = Long.MAX_VALUE;

  PackServer(Path docs) throws IOException {
    this.docs = Files.createDirectories(docs);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.setExecutor(pool);
    server.createContext("/", ex -> {
      seen.add(ex.getRequestURI().getPath());
      try (ex) {
        Path file = docs.resolve(ex.getRequestURI().getPath().substring(1)).normalize();
        if (!file.startsWith(docs) || !Files.isRegularFile(file)) {
          ex.sendResponseHeaders(404, -1);
          return;
        }
        byte[] body = Files.readAllBytes(file);
        ex.sendResponseHeaders(200, body.length);
        try (OutputStream out = ex.getResponseBody()) {
          write(out, body);
        }
      }
    });
    server.start();
  }

  private void write(OutputStream out, byte[] body) throws IOException {
    int chunk = 64 * 1024;
    for (int off = 0; off < body.length; off += chunk) {
      out.write(body, off, Math.min(chunk, body.length - off));
      if (bytesPerSecond != Long.MAX_VALUE) {
        out.flush();
        try {
          Thread.sleep(chunk * 1000L / bytesPerSecond);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  void throttle(long bytesPerSecond) {
    this.bytesPerSecond = bytesPerSecond;
  }

  URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + path);
  }

  List<String> requests() {
    return List.copyOf(seen);
  }

  /** Publishes a shared descriptor with a pack of it carrying {@code extra} files. */
  PackServer publish(String pdscFile, Map<String, byte[]> extra) throws IOException {
    Path pdsc = Path.of(System.getProperty("packs.shared")).resolve("data/pdsc").resolve(pdscFile);
    String text = Files.readString(pdsc, StandardCharsets.UTF_8);
    String vendor = first("<vendor>\\s*([^<\\s]+)\\s*</vendor>", text);
    String name = first("<name>\\s*([^<\\s]+)\\s*</name>", text);
    String version = first("<release[^>]*version=\"([^\"]+)\"", text);
    Files.copy(pdsc, docs.resolve(vendor + "." + name + ".pdsc"));
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(docs.resolve(vendor + "." + name + "." + version + ".pack")))) {
      zip.putNextEntry(new ZipEntry(vendor + "." + name + ".pdsc"));
      zip.write(Files.readAllBytes(pdsc));
      for (Map.Entry<String, byte[]> e : extra.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
      }
    }
    String entry = "<pdsc url=\"" + url("") + "\" vendor=\"" + vendor + "\" name=\"" + name + "\" version=\"" + version + "\"/>\n";
    Path index = docs.resolve("index.pidx");
    String old = Files.exists(index) ? Files.readString(index).replace("</pindex></index>\n", "") : "<?xml version=\"1.0\"?>\n<index schemaVersion=\"1.1.0\"><vendor>Test</vendor><url>" + url("") + "</url><pindex>\n";
    Files.writeString(index, old + entry + "</pindex></index>\n");
    return this;
  }

  private static String first(String regex, String text) {
    Matcher m = Pattern.compile(regex).matcher(text);
    if (!m.find()) {
      throw new IllegalStateException("no " + regex);
    }
    return m.group(1);
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
