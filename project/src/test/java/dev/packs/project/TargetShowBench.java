package dev.packs.project;

import dev.packs.cache.AlgorithmCacheListener;
import dev.packs.cache.PackRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Benchmark for {@code packs target show}: a pack root with the real STM32G4xx_DFP 1.1.0 descriptor
 * (our SFC algorithm at each of its algorithm paths), resolved cold, then again, then in a warm loop.
 * Prints the algorithm files opened per run and the time. Run with {@code bench/target-show.sh}.
 */
public final class TargetShowBench {
  private TargetShowBench() {}

  public static void main(String[] args) throws Exception {
    Path repo = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
    Path pdsc = repo.resolveSibling("shared").resolve("data/pdsc/Keil.STM32G4xx_DFP.1.1.0.pdsc");
    Path flm = repo.resolve("test-algorithms/build/sfc_m4_Os.flm");
    Path dir = Files.createTempDirectory("packs-bench");
    try {
      PackRoot root = install(dir.resolve("root"), pdsc, flm);
      AtomicInteger opened = new AtomicInteger();
      AlgorithmCacheListener counting = new AlgorithmCacheListener() {
        @Override
        public void sourceOpened(String source) {
          opened.incrementAndGet();
        }
      };
      for (String run : new String[] {"first (cold caches)", "second"}) {
        opened.set(0);
        long t0 = System.nanoTime();
        ResolvedTarget t = new TargetResolver(root, ProjectConfig.none(), counting).resolve("stm32g431kbtx");
        long t1 = System.nanoTime();
        System.out.printf("target show stm32g431kbtx, %-20s %7.2f ms, algorithm files opened: %d (%s)%n",
            run + ":", (t1 - t0) / 1e6, opened.get(), t.flashRegions().get(0).algorithm().orElseThrow().file());
      }
      int n = 300;
      opened.set(0);
      long t0 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        new TargetResolver(root, ProjectConfig.none(), counting).resolve("stm32g431kbtx");
      }
      long t1 = System.nanoTime();
      System.out.printf("warm, %d resolutions: %.3f ms each, algorithm files opened: %d%n", n, (t1 - t0) / 1e6 / n,
          opened.get());
      long t2 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        new dev.packs.project.internal.resolve.PackRootDevices(root).candidates("stm32g431kbtx");
      }
      long t3 = System.nanoTime();
      System.out.printf("  of which device lookup (device database refresh + read): %.3f ms each%n",
          (t3 - t2) / 1e6 / n);
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static PackRoot install(Path rootDir, Path pdsc, Path flm) throws Exception {
    PackRoot root = new PackRoot(rootDir);
    Path packDir = Files.createDirectories(root.installDir("Keil", "STM32G4xx_DFP", "1.1.0"));
    String text = Files.readString(pdsc);
    Files.writeString(packDir.resolve("Keil.STM32G4xx_DFP.pdsc"), text);
    Matcher m = Pattern.compile("<algorithm name=\"([^\"]+)\"").matcher(text);
    while (m.find()) {
      Path file = packDir.resolve(m.group(1));
      Files.createDirectories(file.getParent());
      if (!Files.exists(file)) {
        Files.copy(flm, file);
      }
    }
    return root;
  }
}
