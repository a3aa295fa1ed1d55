package dev.packs.cli;

import dev.packs.cache.CacheException;
import dev.packs.cache.MirrorServer;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code packs serve [DIR]}: a read-only pack server over a mirror folder, or over the pack root when
 * no DIR is given. Prints the index URL on stdout when it listens, one access-log line per request
 * on stderr, and stops on SIGTERM or Ctrl-C (a shutdown hook) or when its thread is interrupted.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve a mirror folder (see 'packs mirror'), or without DIR the pack root, as a read-only pack server",
      "for packs, cpackget and pyOCD. Prints the index URL when ready; Ctrl-C or SIGTERM stops it."
    })
final class ServeCommand implements Callable<Integer> {
  private static final DateTimeFormatter LOG_TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final Services services;
  @Spec private CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "The folder to serve; default: the pack root.")
  private Path dir;

  @Option(names = "--port", paramLabel = "N", defaultValue = "8080", description = "The TCP port (0 picks a free one). Default: ${DEFAULT-VALUE}.")
  private int port;

  @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
      description = "The address to listen on; 0.0.0.0 for every interface. Default: ${DEFAULT-VALUE}.")
  private String bind;

  ServeCommand(Services services) {
    this.services = services;
  }

  @Override
  public Integer call() throws CacheException {
    PacksCommand global = (PacksCommand) spec.root().userObject();
    if (dir != null && global.packRoot().isPresent()) {
      throw new ParameterException(spec.commandLine(), "give DIR or --pack-root, not both");
    }
    if (port < 0 || port > 65535) {
      throw new ParameterException(spec.commandLine(), "--port must be 0..65535: " + port);
    }
    InetAddress address;
    try {
      address = InetAddress.getByName(bind);
    } catch (UnknownHostException e) {
      throw new ParameterException(spec.commandLine(), "--bind: unknown address " + bind);
    }
    MirrorServer.Layout layout = dir == null ? MirrorServer.Layout.PACK_ROOT : MirrorServer.Layout.MIRROR_FOLDER;
    Path folder = dir == null ? new CacheOptions(global).root(services).path() : services.workingDir().resolve(dir).normalize();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (MirrorServer server = MirrorServer.start(new MirrorServer.Options(folder, layout, address, port), accessLog(err))) {
      out.println(server.indexUrl());
      out.flush();
      err.println("packs: serving " + folder + (layout == MirrorServer.Layout.PACK_ROOT ? " (the pack root's .Download)" : "")
          + " at " + server.baseUrl() + (address.isAnyLocalAddress() ? " and every other interface" : "")
          + "; read-only; Ctrl-C stops");
      err.flush();
      waitForStop(server, err, folder);
    }
    return ExitCode.OK.code();
  }

  /** Blocks until SIGTERM/Ctrl-C (the shutdown hook closes the server) or an interrupt. */
  private static void waitForStop(MirrorServer server, PrintWriter err, Path folder) {
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      server.close();
      err.println("packs: stopped serving " + folder);
      err.flush();
      stopped.countDown();
    }, "packs-serve-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
      hook.run(); // interrupted, not shut down: stop the same way
    } catch (IllegalStateException e) {
      // The JVM is shutting down: the hook has stopped the server.
    }
  }

  /** The Common Log Format of web servers, plus the User-Agent. */
  private static MirrorServer.Listener accessLog(PrintWriter err) {
    return new MirrorServer.Listener() {
      @Override
      public void served(MirrorServer.Access a) {
        String line = String.format("%s - - [%s] \"%s %s %s\" %d %s \"%s\"", a.remote(), LOG_TIME.format(a.time()), a.method(),
            a.target(), a.protocol(), a.status(), a.bytes() == 0 ? "-" : Long.toString(a.bytes()), a.userAgent().replace("\"", "'"));
        synchronized (err) {
          err.println(line);
          err.flush();
        }
      }
    };
  }
}
