package dev.packs.index.bench;

import dev.packs.index.DeviceResolver;
import dev.packs.index.IndexException;
import dev.packs.index.PackDescriptor;
import dev.packs.index.PdscReader;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Benchmark, not a test: parse + resolve throughput over every descriptor in a folder, warm. Prints
 * MB/s and devices/s per file and in total. Files are read into
 * memory first, so only parsing and resolving are timed. Time is the thread's CPU time, so that the
 * figures mean something on a shared, loaded machine; wall time is printed for the total too. Run
 * with {@code bench/pdsc-throughput.sh}.
 */
public final class PdscThroughput {
  private PdscThroughput() {}

  private record Input(String name, byte[] bytes) {}

  /**
   * CPU time of this thread in nanoseconds, through java.lang.management (looked up reflectively:
   * the benchmark compiles inside the index module, which does not read java.management, and runs
   * on the class path, where it may).
   */
  private static long now() {
    try {
      return (Long) CPU_TIME.invoke(THREADS);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final Object THREADS;
  private static final java.lang.reflect.Method CPU_TIME;

  static {
    try {
      Class<?> factory = Class.forName("java.lang.management.ManagementFactory");
      THREADS = factory.getMethod("getThreadMXBean").invoke(null);
      CPU_TIME = Class.forName("java.lang.management.ThreadMXBean").getMethod("getCurrentThreadCpuTime");
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "../shared/data/pdsc");
    double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 1.0;
    List<Input> inputs = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".pdsc")).sorted().toList()) {
        inputs.add(new Input(p.getFileName().toString(), Files.readAllBytes(p)));
      }
    }
    measure(inputs, seconds);
  }

  private static void measure(List<Input> inputs, double seconds) {
    System.out.printf("%n== warming up on %d files...%n", inputs.size());
    long warmEnd = System.nanoTime() + (long) (5e9 * seconds);
    while (System.nanoTime() < warmEnd) {
      for (Input in : inputs) {
        run(in);
      }
    }
    System.out.printf("%-58s %10s %8s %10s %12s%n", "file", "bytes", "devices", "MB/s", "devices/s");
    long totalBytes = 0;
    long totalDevices = 0;
    double totalNanos = 0;
    for (Input in : inputs) {
      long n = 0;
      long wallEnd = System.nanoTime() + (long) (1e9 * seconds / 20);
      while (System.nanoTime() < wallEnd) {
        run(in);
        n++;
      }
      n *= 5; // a batch of about a quarter of the phase time, timed as a whole
      long devices = 0;
      long start = now();
      for (long i = 0; i < n; i++) {
        devices += run(in);
      }
      long now = now();
      double perRun = (now - start) / (double) n;
      long devicesPerRun = devices / n;
      totalBytes += in.bytes().length;
      totalDevices += devicesPerRun;
      totalNanos += perRun;
      System.out.printf("%-58s %10d %8d %10.1f %12.0f%n", in.name(), in.bytes().length, devicesPerRun,
          in.bytes().length / perRun * 1e9 / 1e6, devicesPerRun / perRun * 1e9);
    }
    System.out.printf("%-58s %10d %8d %10.1f %12.0f%n", "TOTAL (CPU time, one pass)",
        totalBytes, totalDevices, totalBytes / totalNanos * 1e9 / 1e6, totalDevices / totalNanos * 1e9);
    long wallStart = System.nanoTime();
    int passes = 0;
    while (System.nanoTime() - wallStart < 1e9 * seconds) {
      for (Input in : inputs) {
        run(in);
      }
      passes++;
    }
    double wall = (System.nanoTime() - wallStart) / (double) passes;
    System.out.printf("%-58s %10d %8d %10.1f %12.0f%n", "TOTAL (wall time, whole passes)",
        totalBytes, totalDevices, totalBytes / wall * 1e9 / 1e6, totalDevices / wall * 1e9);
  }

  private static int run(Input in) {
    try {
      PackDescriptor pdsc = PdscReader.read(new ByteArrayInputStream(in.bytes()), in.name());
      return DeviceResolver.resolve(pdsc).devices().size();
    } catch (IndexException e) {
      return 0; // cpm-bench.pdsc is not a descriptor; it is timed as a rejected input
    }
  }
}
