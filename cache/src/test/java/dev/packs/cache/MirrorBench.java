package dev.packs.cache;

import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Benchmark of issue 12 (run with {@code bench/mirror.sh}): {@code mirror --all} from a loopback vendor
 * server publishing every shared descriptor as a pack, first run and rerun; {@code update-index}
 * through {@link MirrorServer}, first and second; and the server's throughput for one client and for
 * many at once downloading a 4 MB pack, as a lab's machines would.
 */
public final class MirrorBench {
  private MirrorBench() {}

  public static void main(String[] args) throws Exception {
    int clients = args.length > 0 ? Integer.parseInt(args[0]) : 32;
    Path work = Files.createTempDirectory("packs-mirror-bench");
    try {
      Path folder = work.resolve("lab-mirror"); // Mirror serves work/mirror
      try (Mirror vendor = new Mirror(work)) {
        int published = publishAll(vendor);
        System.out.printf("loopback vendor: %d packs from the shared descriptors%n", published);
        mirrorRun("first mirror --all", vendor, folder);
        mirrorRun("rerun            ", vendor, folder);
      }
      Path big = bigPack(folder.resolve("Bench.Big.1.0.0.pack"));
      try (MirrorServer server = MirrorServer.start(
          new MirrorServer.Options(folder, MirrorServer.Layout.MIRROR_FOLDER, InetAddress.getLoopbackAddress(), 0), MirrorServer.Listener.NONE)) {
        Path root = work.resolve("lab-root");
        for (String run : List.of("first update-index through serve ", "second update-index through serve")) {
          try (PackCache cache = PackCache.open(CacheConfig.builder(new PackRoot(root)).indexUrl(server.indexUrl()).build(), CacheListener.NONE)) {
            long t0 = System.nanoTime();
            IndexUpdate u = cache.updateIndex();
            System.out.printf("%s: %4d requests, %9d body bytes, %d descriptors fetched, %5d ms (with the device database)%n",
                run, u.requests(), u.bytes(), u.fetched(), (System.nanoTime() - t0) / 1_000_000);
          }
        }
        URI url = server.baseUrl().resolve(big.getFileName().toString());
        double mb = Files.size(big) / 1e6;
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
          long t0 = System.nanoTime();
          get(url);
          best = Math.min(best, System.nanoTime() - t0);
        }
        System.out.printf("serve: one client, %.1f MB pack: best of 5 %.1f ms = %.0f MB/s%n", mb, best / 1e6, mb / (best / 1e9));
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long t0 = System.nanoTime();
        List<Future<Long>> all = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
          all.add(pool.submit(() -> get(url)));
        }
        long bytes = 0;
        for (Future<Long> f : all) {
          bytes += f.get();
        }
        long elapsed = System.nanoTime() - t0;
        pool.shutdown();
        System.out.printf("serve: %d clients at once, %.1f MB each: %.0f ms, %.0f MB/s in total%n",
            clients, mb, elapsed / 1e6, bytes / 1e6 / (elapsed / 1e9));
      }
    } finally {
      AtomicFiles.deleteQuietly(work);
    }
  }

  private static void mirrorRun(String what, Mirror vendor, Path folder) throws CacheException {
    CacheConfig config = CacheConfig.builder(new PackRoot(folder.resolveSibling("unused"))).indexUrl(vendor.indexUrl()).build();
    try (PackMirror m = PackMirror.open(config, CacheListener.NONE)) {
      long t0 = System.nanoTime();
      MirrorResult r;
      try {
        r = m.mirror(folder, new MirrorRequest(List.of(), true, Optional.empty()));
      } catch (MirrorException e) {
        r = e.result();
        e.result().failures().stream().limit(3).forEach(f -> System.out.println("  failed " + f.item() + ": " + f.reason()));
      }
      System.out.printf("%s: %d packs, %d files fetched, %d not modified, %d unchanged; %4d requests, %9d bytes, %5d ms%n",
          what, r.packs().size(), r.fetched(), r.notModified(), r.unchanged(), r.requests(), r.bytes(), (System.nanoTime() - t0) / 1_000_000);
    }
  }

  /** Every shared descriptor whose header the fixtures can read, once per Vendor.Name. */
  private static int publishAll(Mirror vendor) throws Exception {
    Set<String> seen = new HashSet<>();
    try (Stream<Path> files = Files.list(Fixtures.shared().resolve("data/pdsc"))) {
      for (Path p : files.sorted().toList()) {
        try {
          String[] h = Fixtures.header(p);
          if (h[2].matches("[0-9]+\\.[0-9]+\\.[0-9]+") && seen.add(h[0] + "." + h[1])) {
            vendor.publish(p);
          }
        } catch (IllegalStateException e) {
          // not a descriptor with a vendor, name and release (cpm-bench.pdsc)
        }
      }
    }
    return seen.size();
  }

  private static long get(URI url) throws Exception {
    HttpURLConnection c = (HttpURLConnection) url.toURL().openConnection();
    long n = 0;
    try (InputStream in = c.getInputStream()) {
      byte[] buffer = new byte[64 * 1024];
      for (int r; (r = in.read(buffer)) >= 0; ) {
        n += r;
      }
    }
    return n;
  }

  private static Path bigPack(Path target) throws Exception {
    Random random = new Random(1);
    Fixtures.Zip zip = new Fixtures.Zip().file("Bench.Big.pdsc", "<package/>");
    for (int i = 0; i < 80; i++) {
      byte[] b = new byte[50_000];
      random.nextBytes(b);
      zip.file("Flash/algo" + i + ".FLM", b);
    }
    return zip.writeTo(target);
  }
}
