package dev.packs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real CLI in child JVMs: killed with SIGKILL at several instants the pack is either fully
 * installed or absent and a rerun succeeds; eight installs started at once all succeed with one copy.
 */
class ProcessSafetyTest {
  private static final String PACK_DIR = "Keil/STM32G4xx_DFP/1.1.0";

  @TempDir Path dir;
  PackServer server;
  Map<String, byte[]> files;

  @BeforeEach
  void setUp() throws Exception {
    // About 4 MB in 200 files: long enough to download and extract that kills land in every phase.
    files = new LinkedHashMap<>();
    Random random = new Random(42);
    for (int i = 0; i < 200; i++) {
      byte[] b = new byte[20_000];
      random.nextBytes(b);
      files.put("Files/part" + i + ".bin", b);
    }
    server = new PackServer(dir.resolve("docs")).publish("Keil.STM32G4xx_DFP.1.1.0.pdsc", files);
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  private Process start(Path root, Path log) throws IOException {
    return start(root, log, "install", "Keil::STM32G4xx_DFP");
  }

  private Process start(Path root, Path log, String... command) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(
        java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    cmd.addAll(List.of(command));
    cmd.addAll(List.of("--pack-root", root.toString(), "--index-url", server.url("index.pidx").toString()));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().remove("CMSIS_PACK_ROOT");
    pb.environment().remove("PACKS_OFFLINE");
    return pb.start();
  }

  private static int finish(Process p, Path log) throws Exception {
    assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("process finished; log: %s", log).isTrue();
    return p.exitValue();
  }

  /** The pack folder is absent, or present with every file complete. */
  private void assertFullyInstalledOrAbsent(Path root) throws IOException {
    Path pack = root.resolve(PACK_DIR);
    if (!Files.exists(pack)) {
      return;
    }
    for (Map.Entry<String, byte[]> e : files.entrySet()) {
      assertThat(pack.resolve(e.getKey())).as("half-installed pack").hasBinaryContent(e.getValue());
    }
    assertThat(pack.resolve("Keil.STM32G4xx_DFP.pdsc")).exists();
  }

  /** A moment in an install, seen from outside in the root, at which the child is killed. */
  private record KillPoint(String name, java.util.function.Predicate<Path> reached) {}

  private static boolean has(Path folder, String suffix) {
    try {
      return listing(folder).stream().anyMatch(n -> n.endsWith(suffix));
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  void killedAtAnyInstantLeavesThePackWholeOrAbsentAndARerunSucceeds() throws Exception {
    server.throttle(3_000_000);
    List<KillPoint> points = List.of(
        new KillPoint("at start-up", root -> true),
        new KillPoint("holding the lock", root -> Files.exists(root.resolve(".packs/lock.owner"))),
        new KillPoint("mid-download", root -> has(root.resolve(".Download"), ".part")),
        new KillPoint("archive downloaded", root -> has(root.resolve(".Download"), ".pack")),
        new KillPoint("mid-extraction", root -> !listing0(root.resolve(".packs/tmp")).isEmpty()),
        new KillPoint("record written", root -> has(root.resolve(".packs/installed"), ".json")));
    for (KillPoint point : points) {
      Path root = dir.resolve("root-" + point.name().replace(' ', '-'));
      Path log = dir.resolve("kill.log");
      Process p = start(root, log);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (p.isAlive() && !point.reached().test(root) && System.nanoTime() < deadline) {
        Thread.sleep(2);
      }
      boolean killed = p.isAlive();
      p.destroyForcibly();
      p.waitFor(60, TimeUnit.SECONDS);
      assertFullyInstalledOrAbsent(root);
      System.out.println("kill " + point.name() + (killed ? "" : " (too late: it had finished)") + ": pack "
          + (Files.exists(root.resolve(PACK_DIR)) ? "installed" : "absent") + ", .Download " + listing(root.resolve(".Download"))
          + ", .packs/tmp " + listing(root.resolve(".packs/tmp")));
      try (Stream<Path> downloads = Files.exists(root.resolve(".Download")) ? Files.list(root.resolve(".Download")) : Stream.empty()) {
        for (Path d : downloads.filter(f -> f.toString().endsWith(".pack")).toList()) {
          assertThat(Files.size(d)).as("a .pack in .Download is only ever whole").isEqualTo(Files.size(dir.resolve("docs/Keil.STM32G4xx_DFP.1.1.0.pack")));
        }
      }
      Path rerunLog = dir.resolve("rerun.log");
      assertThat(finish(start(root, rerunLog), rerunLog)).as(Files.readString(rerunLog)).isZero();
      assertThat(root.resolve(PACK_DIR)).isDirectory();
      assertFullyInstalledOrAbsent(root);
      assertThat(root.resolve(".packs/tmp")).as("no temporary folder left behind").doesNotExist();
    }
  }

  @Test
  void killedUpdateIndexLeavesPartFilesThatTheNextRunRemoves() throws Exception {
    // Throttled, the 110 KB descriptor takes seconds: the kill lands while its .part is in .Web.
    server.throttle(20_000);
    Path root = dir.resolve("root");
    Path log = dir.resolve("update.log");
    Process p = start(root, log, "update-index");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (p.isAlive() && !has(root.resolve(".Web"), ".part") && System.nanoTime() < deadline) {
      Thread.sleep(2);
    }
    p.destroyForcibly();
    p.waitFor(60, TimeUnit.SECONDS);
    assertThat(listing(root.resolve(".Web"))).as("the kill left a .part behind").anyMatch(n -> n.endsWith(".part"));
    server.throttle(Long.MAX_VALUE);
    Path rerunLog = dir.resolve("rerun.log");
    assertThat(finish(start(root, rerunLog, "update-index"), rerunLog)).as(Files.readString(rerunLog)).isZero();
    try (Stream<Path> all = Files.walk(root)) {
      assertThat(all.map(Path::toString)).noneMatch(n -> n.endsWith(".part"));
    }
    assertThat(root.resolve(".Web/Keil.STM32G4xx_DFP.pdsc")).exists();
  }

  private static List<String> listing0(Path folder) {
    try {
      return listing(folder);
    } catch (IOException e) {
      return List.of();
    }
  }

  @Test
  void eightConcurrentInstallsAllSucceedLeavingOneCopy() throws Exception {
    server.throttle(8_000_000);
    Path root = dir.resolve("root");
    List<Process> processes = new ArrayList<>();
    List<Path> logs = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Path log = dir.resolve("p" + i + ".log");
      logs.add(log);
      processes.add(start(root, log));
    }
    for (int i = 0; i < 8; i++) {
      assertThat(finish(processes.get(i), logs.get(i))).as(Files.readString(logs.get(i))).isZero();
    }
    assertFullyInstalledOrAbsent(root);
    try (Stream<Path> versions = Files.list(root.resolve("Keil/STM32G4xx_DFP"))) {
      assertThat(versions.toList()).containsExactly(root.resolve(PACK_DIR));
    }
    try (Stream<Path> downloads = Files.list(root.resolve(".Download"))) {
      assertThat(downloads.map(p -> p.getFileName().toString()).toList())
          .containsExactlyInAnyOrder("Keil.STM32G4xx_DFP.1.1.0.pack", "Keil.STM32G4xx_DFP.1.1.0.pdsc");
    }
    long packRequests = server.requests().stream().filter(r -> r.endsWith(".pack")).count();
    assertThat(packRequests).as("only the first process downloads").isEqualTo(1);
    String all = String.join("\n", logs.stream().map(ProcessSafetyTest::read).toList());
    assertThat(all).contains("installed Keil.STM32G4xx_DFP.1.1.0").contains("already installed Keil.STM32G4xx_DFP.1.1.0");
    assertThat(all).contains("waiting for the lock");
  }

  private static List<String> listing(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(folder)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
