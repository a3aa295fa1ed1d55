package dev.packs.cache;

import dev.packs.flm.AlgorithmPlacer;
import dev.packs.flm.FlashAlgorithm;
import dev.packs.flm.FlmLoader;
import dev.packs.flm.PlacedAlgorithm;
import dev.packs.flm.RamWindow;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Benchmark, not a test: run with {@code bench/flm.sh}. Loads, parses and places every .flm under
 * {@code test-algorithms/}, warm, and counts what a second, cached lookup opens. Prints figures only.
 */
public final class FlmBench {
  private static final RamWindow RAM = new RamWindow(0x2000_0000L, 0x8000);
  private static long sink;

  private FlmBench() {}

  public static void main(String[] args) throws Exception {
    Path repo = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
    List<Path> files = flms(repo.resolve("test-algorithms"));
    List<byte[]> contents = new ArrayList<>();
    for (Path f : files) {
      contents.add(Files.readAllBytes(f));
    }
    System.out.printf("packs flm benchmark: %d .flm files under %s%n", files.size(), repo.relativize(repo.resolve("test-algorithms")));
    System.out.printf("java %s, %d cpus, load average %s%n%n", Runtime.version(),
        Runtime.getRuntime().availableProcessors(), loadAverage());
    long firstCold = time(() -> parseAndPlace(contents.get(0), files.get(0)));
    warm(files, contents, 2_000_000_000L);
    parseFigures(repo, files, contents, firstCold, false); // lets the JIT settle on the measuring loop
    parseFigures(repo, files, contents, firstCold, true);
    cacheFigures(files);
    System.out.println("sink " + (sink & 1));
  }

  private static void parseFigures(Path repo, List<Path> files, List<byte[]> contents, long firstCold,
      boolean report) throws IOException {
    int passes = 7;
    int rounds = 3_000;
    java.io.PrintStream out = report ? System.out : new java.io.PrintStream(OutputStream.nullOutputStream());
    out.printf("load+parse+place, warm (%d passes of %d rounds per file, bytes in memory; best and median pass):%n",
        passes, rounds);
    long totalBest = 0;
    long totalMedian = 0;
    for (int i = 0; i < files.size(); i++) {
      long[] perPass = new long[passes];
      for (int p = 0; p < passes; p++) {
        long start = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
          parseAndPlace(contents.get(i), files.get(i));
        }
        perPass[p] = (System.nanoTime() - start) / rounds;
      }
      java.util.Arrays.sort(perPass);
      totalBest += perPass[0];
      totalMedian += perPass[passes / 2];
      out.printf("  %-52s %5d bytes  best %7.4f ms  median %7.4f ms%n", repo.relativize(files.get(i)),
          contents.get(i).length, perPass[0] / 1e6, perPass[passes / 2] / 1e6);
    }
    out.printf("  mean over %d files: best %.4f ms/file, median %.4f ms/file (goal <= 0.1 ms)%n",
        files.size(), totalBest / 1e6 / files.size(), totalMedian / 1e6 / files.size());
    int readRounds = 2_000;
    long start = System.nanoTime();
    for (int r = 0; r < readRounds; r++) {
      for (Path f : files) {
        parseAndPlace(Files.readAllBytes(f), f);
      }
    }
    out.printf("  including Files.readAllBytes: %.4f ms/file%n", (System.nanoTime() - start) / 1e6 / readRounds / files.size());
    out.printf("  first call in a cold JVM: %.3f ms%n%n", firstCold / 1e6);
  }

  private static void cacheFigures(List<Path> files) throws Exception {
    Path temp = Files.createTempDirectory("packs-flm-bench");
    try {
      Path pack = zip(temp.resolve("Packs.Bench.1.0.0.pack"), files);
      Path cacheDir = temp.resolve("algorithms");
      System.out.printf("algorithm cache (%d FLMs inside one .pack zip; a fresh AlgorithmCache per run, as a new process):%n", files.size());
      for (int run = 1; run <= 2; run++) {
        Counter counter = new Counter();
        AlgorithmCache cache = AlgorithmCache.in(new PackRoot(cacheDir), counter);
        long start = System.nanoTime();
        for (Path f : files) {
          String entry = "Flash/" + f.getFileName();
          sink += cache.load("pack:Packs.Bench@1.0.0:" + entry, entry, () -> readEntry(pack, entry, counter)).blob().size();
        }
        System.out.printf("  run %d: pack zip opened %d times, FLM sources opened %d, cache files read %d, written %d (%.3f ms total)%n",
            run, counter.zipOpens, counter.sources, counter.cacheReads, counter.stored, (System.nanoTime() - start) / 1e6);
      }
      Counter local = new Counter();
      for (Path f : files) {
        AlgorithmCache.in(new PackRoot(cacheDir), AlgorithmCacheListener.NONE).load(f);
      }
      AlgorithmCache second = AlgorithmCache.in(new PackRoot(cacheDir), local);
      int rounds = 500;
      long start = System.nanoTime();
      for (int r = 0; r < rounds; r++) {
        for (Path f : files) {
          sink += second.load(f).blob().size();
        }
      }
      Counter shaCounter = new Counter();
      AlgorithmCache shas = AlgorithmCache.in(new PackRoot(cacheDir), shaCounter);
      for (Path f : files) {
        sink += shas.sha256(f).length();
      }
      System.out.printf("  sha256 of %d seen local files (as target show / resolve --locked need): FLM sources opened %d, cache files read %d%n",
          files.size(), shaCounter.sources, shaCounter.cacheReads);
      System.out.printf("  local files, cached lookups: FLM sources opened %d in %d lookups, %.4f ms/lookup (stat + 2 small reads)%n",
          local.sources, rounds * files.size(), (System.nanoTime() - start) / 1e6 / rounds / files.size());
    } finally {
      try (Stream<Path> walk = Files.walk(temp)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  private static final class Counter implements AlgorithmCacheListener {
    int zipOpens;
    int sources;
    int cacheReads;
    int stored;

    @Override
    public void sourceOpened(String source) {
      sources++;
    }

    @Override
    public void cacheFileRead(Path file) {
      cacheReads++;
    }

    @Override
    public void stored(Path file) {
      stored++;
    }
  }

  private static byte[] readEntry(Path pack, String entry, Counter counter) throws IOException {
    counter.zipOpens++;
    try (ZipFile zip = new ZipFile(pack.toFile())) {
      return zip.getInputStream(zip.getEntry(entry)).readAllBytes();
    }
  }

  private static Path zip(Path pack, List<Path> files) throws Exception {
    try (OutputStream out = Files.newOutputStream(pack); ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Path f : files) {
        zip.putNextEntry(new ZipEntry("Flash/" + f.getFileName()));
        zip.write(Files.readAllBytes(f));
        zip.closeEntry();
      }
    }
    return pack;
  }

  private static void parseAndPlace(byte[] bytes, Path file) {
    PlacedAlgorithm placed = AlgorithmPlacer.place(FlmLoader.load(bytes, file.toString()), RAM);
    sink += placed.stackTop() + placed.entryPoints().init();
  }

  private static void warm(List<Path> files, List<byte[]> contents, long nanos) {
    long end = System.nanoTime() + nanos;
    while (System.nanoTime() < end) {
      for (int i = 0; i < files.size(); i++) {
        parseAndPlace(contents.get(i), files.get(i));
      }
    }
  }

  /** The machine is shared; the 1-minute load average says how much the figures are inflated. */
  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static long time(Runnable r) {
    long start = System.nanoTime();
    r.run();
    return System.nanoTime() - start;
  }

  private static List<Path> flms(Path dir) throws Exception {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".flm")).sorted().toList();
    }
  }
}
