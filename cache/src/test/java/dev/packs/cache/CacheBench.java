package dev.packs.cache;

import dev.packs.cache.internal.index.IndexFile;
import dev.packs.cache.internal.net.Expect;
import dev.packs.cache.internal.net.Transports;
import dev.packs.cache.internal.pack.Extractor;
import dev.packs.cache.internal.pack.PackArchive;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Benchmark of issue 3 (run with {@code bench/cache.sh}): a loopback server holding the 2022 index's
 * packs, with the shared descriptors standing in for content; the first and the second
 * {@code update-index}; and installing a 4 MB pack, beside its two parts (download only, unzip only).
 */
public final class CacheBench {
  private CacheBench() {}

  public static void main(String[] args) throws Exception {
    Path work = Files.createTempDirectory("packs-bench");
    try (Mirror mirror = new Mirror(work)) {
      int listed = buildIndex(mirror);
      System.out.printf("loopback mirror: %d descriptors listed in index.pidx%n", listed);
      Path root = work.resolve("root");
      long t0 = System.nanoTime();
      IndexUpdate first = update(root, mirror);
      report("first update-index ", first, System.nanoTime() - t0);
      t0 = System.nanoTime();
      IndexUpdate second = update(root, mirror);
      report("second update-index", second, System.nanoTime() - t0);
      System.out.printf("second/first fetch time: %.1f%%%n", 100.0 * second.elapsed().toNanos() / first.elapsed().toNanos());
      installBench(work, mirror);
    } finally {
      dev.packs.cache.AtomicFiles.deleteQuietly(work);
    }
  }

  private static IndexUpdate update(Path root, Mirror mirror) throws CacheException {
    try (PackCache cache = PackCache.open(CacheConfig.builder(new PackRoot(root)).indexUrl(mirror.indexUrl()).build(), CacheListener.NONE)) {
      return cache.updateIndex();
    } catch (IndexUpdateException e) {
      e.failures().stream().limit(5).forEach(f -> System.out.println("  failed " + f.url() + ": " + f.reason()));
      return e.result();
    }
  }

  private static void report(String what, IndexUpdate u, long totalNanos) {
    System.out.printf("%s: fetch %6d ms, %4d requests, %9d bytes, %d descriptors fetched, %d unchanged;"
            + " with the device database refresh %6d ms%n",
        what, u.elapsed().toMillis(), u.requests(), u.bytes(), u.fetched(), u.skipped(), totalNanos / 1_000_000);
  }

  /** Serves one descriptor per pack of the real 2022 index, renamed from a shared descriptor. */
  private static int buildIndex(Mirror mirror) throws Exception {
    List<PublicPack> packs = IndexFile.read(Fixtures.shared().resolve("data/pidx/keil-index.2022-06-09.pidx"));
    List<String> texts = new ArrayList<>();
    try (Stream<Path> files = Files.list(Fixtures.shared().resolve("data/pdsc"))) {
      for (Path p : files.sorted().toList()) {
        String text = Files.readString(p, StandardCharsets.UTF_8);
        if (text.contains("<package")) {
          texts.add(text); // cpm-bench.pdsc is not a descriptor (its root is <pdsc>)
        }
      }
    }
    StringBuilder index = new StringBuilder("<?xml version=\"1.0\"?>\n<index schemaVersion=\"1.1.0\"><vendor>Bench</vendor><url>")
        .append(mirror.base()).append("</url><pindex>\n");
    int i = 0;
    for (PublicPack p : packs) {
      String text = texts.get(i++ % texts.size())
          .replaceFirst("<vendor>[^<]*</vendor>", "<vendor>" + p.vendor() + "</vendor>")
          .replaceFirst("<name>[^<]*</name>", "<name>" + p.name() + "</name>");
      Files.writeString(mirror.docs.resolve(p.vendor() + "." + p.name() + ".pdsc"), text);
      index.append("<pdsc url=\"").append(mirror.base()).append("\" vendor=\"").append(p.vendor()).append("\" name=\"")
          .append(p.name()).append("\" version=\"").append(p.version()).append("\"/>\n");
    }
    Files.writeString(mirror.docs.resolve("index.pidx"), index.append("</pindex></index>\n"));
    return packs.size();
  }

  private static void installBench(Path work, Mirror mirror) throws Exception {
    Path pack = fourMegabytePack(mirror.docs.resolve("Keil.STM32G4xx_DFP.1.1.0.pack"));
    double mb = Files.size(pack) / 1e6;
    long best = Long.MAX_VALUE;
    for (int run = 0; run < 5; run++) {
      Path root = work.resolve("install-" + run);
      long t0 = System.nanoTime();
      try (PackCache cache = PackCache.open(CacheConfig.builder(new PackRoot(root)).indexUrl(mirror.indexUrl()).build(), CacheListener.NONE)) {
        cache.install(List.of(mirror.server.url("Keil.STM32G4xx_DFP.1.1.0.pack").toString()), InstallOptions.defaults(), work);
      }
      best = Math.min(best, System.nanoTime() - t0);
    }
    System.out.printf("install %.1f MB pack from loopback: best of 5 %d ms = %.1f MB/s%n", mb, best / 1_000_000, mb / (best / 1e9));
    long download = Long.MAX_VALUE;
    long unzip = Long.MAX_VALUE;
    CacheConfig config = CacheConfig.builder(new PackRoot(work.resolve("parts"))).build();
    for (int run = 0; run < 5; run++) {
      Path target = work.resolve("dl-" + run + ".part");
      long t0 = System.nanoTime();
      try (Transports t = new Transports(config, CacheListener.NONE)) {
        t.fetch("pack", mirror.server.url("Keil.STM32G4xx_DFP.1.1.0.pack"), Optional.empty(), target, Expect.ZIP);
      }
      download = Math.min(download, System.nanoTime() - t0);
      t0 = System.nanoTime();
      PackArchive.Inspected in = PackArchive.inspect(pack, "bench", config.zipLimits());
      Extractor.extract(pack, in, work.resolve("unzip-" + run), config.zipLimits());
      unzip = Math.min(unzip, System.nanoTime() - t0);
    }
    System.out.printf("  parts: download only %.1f MB/s (%d ms), verify+unzip+sha256 only %.1f MB/s (%d ms)%n",
        mb / (download / 1e9), download / 1_000_000, mb / (unzip / 1e9), unzip / 1_000_000);
    long plain = Long.MAX_VALUE;
    for (int run = 0; run < 5; run++) {
      long t0 = System.nanoTime();
      plainUnzip(pack, work.resolve("plain-" + run));
      plain = Math.min(plain, System.nanoTime() - t0);
    }
    System.out.printf("  baseline: plain java.util.zip extraction of the same pack, no checks: %.1f MB/s (%d ms)%n",
        mb / (plain / 1e9), plain / 1_000_000);
    long index = Long.MAX_VALUE;
    for (int run = 0; run < 5; run++) {
      Path root = work.resolve("install-" + run);
      dev.packs.cache.AtomicFiles.deleteQuietly(root.resolve(".packs/devices"));
      long t0 = System.nanoTime();
      new DeviceIndexer(new PackRoot(root)).refresh(new DeviceDatabase.Listener() {});
      index = Math.min(index, System.nanoTime() - t0);
    }
    System.out.printf("  device database update for the installed pack (parse + resolve + write): %d ms%n", index / 1_000_000);
  }

  private static void plainUnzip(Path zip, Path dest) throws java.io.IOException {
    try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(Files.newInputStream(zip))) {
      for (java.util.zip.ZipEntry e; (e = in.getNextEntry()) != null; ) {
        Path out = dest.resolve(e.getName());
        Files.createDirectories(out.getParent());
        Files.copy(in, out);
      }
    }
  }

  /** The STM32G4 descriptor, 3.8 MB of random data (incompressible, like FLMs) and 2 MB of header-like text. */
  private static Path fourMegabytePack(Path target) throws Exception {
    Random random = new Random(1);
    Fixtures.Zip zip = new Fixtures.Zip().file("Keil.STM32G4xx_DFP.pdsc", Fixtures.bytes(Fixtures.pdsc("Keil.STM32G4xx_DFP.1.1.0.pdsc")));
    for (int i = 0; i < 76; i++) {
      byte[] b = new byte[50_000];
      random.nextBytes(b);
      zip.file("Flash/algo" + i + ".FLM", b);
    }
    String line = "#define GPIO_MODER_MODE0_Pos (0U) /* register bit position of a peripheral field */\n";
    for (int i = 0; i < 20; i++) {
      zip.file("Include/header" + i + ".h", line.repeat(100_000 / line.length()));
    }
    return zip.writeTo(target);
  }
}
