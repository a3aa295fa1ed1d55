package dev.packs.cache;

import com.sun.net.httpserver.HttpServer;
import dev.packs.cache.internal.serve.StaticHandler;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A read-only pack server over a mirror folder (see {@link PackMirror}) or a pack root, that packs,
 * cpackget and pyOCD can use as their index URL. GET and HEAD only; paths that climb out of the
 * folder, in any encoding, are refused; ETag, Last-Modified, 304 and byte ranges work as static web
 * servers do them. Runs on the JDK's own HTTP server until {@link #close}.
 *
 * <pre>{@code
 * try (MirrorServer server = MirrorServer.start(new MirrorServer.Options(dir, Layout.MIRROR_FOLDER,
 *     InetAddress.getLoopbackAddress(), 8080), listener)) {
 *   System.out.println(server.indexUrl());
 * }
 * }</pre>
 */
public final class MirrorServer implements AutoCloseable {
  private static final int THREADS = 16;

  /** What the served folder is. */
  public enum Layout {
    /** A folder written by {@code packs mirror} (or any folder of static pack files). */
    MIRROR_FOLDER,
    /** A pack root: only its index of {@code .Download} archives, their descriptors and the archives. */
    PACK_ROOT
  }

  /** Where and what to serve; port 0 picks a free port. */
  public record Options(Path dir, Layout layout, InetAddress bind, int port) {
    public Options {
      Objects.requireNonNull(dir, "dir");
      Objects.requireNonNull(layout, "layout");
      Objects.requireNonNull(bind, "bind");
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port out of range: " + port);
      }
    }
  }

  /**
   * One request as it was answered.
   *
   * @param target the raw path and query as the client sent them
   * @param bytes body bytes sent
   */
  public record Access(
      Instant time, String remote, String method, String target, String protocol, int status, long bytes, String userAgent) {}

  /** Events of the server; every method does nothing by default, and may be called from many threads at once. */
  public interface Listener {
    Listener NONE = new Listener() {};

    /** A request was answered. */
    default void served(Access access) {}
  }

  private final HttpServer server;
  private final ExecutorService pool;
  private final URI base;
  private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

  private MirrorServer(HttpServer server, ExecutorService pool, URI base) {
    this.server = server;
    this.pool = pool;
    this.base = base;
  }

  /**
   * Starts serving; returns once the socket listens.
   *
   * @throws PackNotFoundException when the folder does not exist
   * @throws CacheIoException when the address cannot be bound (in use, not local)
   */
  public static MirrorServer start(Options options, Listener listener) throws CacheException {
    Path dir = options.dir().toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      throw new PackNotFoundException(dir.toString(), "no such folder to serve");
    }
    ExecutorService pool = Executors.newFixedThreadPool(THREADS, r -> {
      Thread t = new Thread(r, "packs-serve");
      t.setDaemon(true);
      return t;
    });
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(options.bind(), options.port()), 64);
    } catch (IOException e) {
      pool.shutdownNow();
      throw new CacheIoException(dir, new IOException(
          "cannot listen on " + hostPort(options.bind(), options.port()) + ": " + e.getMessage(), e));
    }
    URI base = URI.create("http://" + hostPort(reachable(options.bind()), server.getAddress().getPort()) + "/");
    try {
      server.createContext("/", options.layout() == Layout.PACK_ROOT
          ? StaticHandler.packRoot(new PackRoot(dir), base, listener, Clock.systemUTC())
          : StaticHandler.folder(dir, base, listener, Clock.systemUTC()));
    } catch (IOException e) {
      server.stop(0);
      pool.shutdownNow();
      throw new CacheIoException(dir, e);
    }
    server.setExecutor(pool);
    server.start();
    return new MirrorServer(server, pool, base);
  }

  /** The server's address, {@code http://127.0.0.1:PORT/}; a wildcard bind is shown as the loopback address. */
  public URI baseUrl() {
    return base;
  }

  /** What to give {@code --index-url}: {@code http://HOST:PORT/index.pidx}. */
  public URI indexUrl() {
    return base.resolve("index.pidx");
  }

  /** Stops accepting, lets requests in flight finish for up to a second, and releases the port; idempotent. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      server.stop(1);
      pool.shutdownNow();
    }
  }

  private static InetAddress reachable(InetAddress bind) {
    return bind.isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : bind;
  }

  private static String hostPort(InetAddress address, int port) {
    String host = address.getHostAddress();
    return (address instanceof Inet6Address ? "[" + host + "]" : host) + ":" + port;
  }
}
