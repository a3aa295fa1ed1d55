package dev.packs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
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

/** {@code mirror} and {@code serve} as real child JVMs: killed with SIGKILL, stopped with SIGTERM. */
class LabProcessTest {
  @TempDir Path dir;
  PackServer vendor;

  @BeforeEach
  void setUp() throws Exception {
    // About 4 MB of incompressible files: a throttled download lasts long enough to be killed midway.
    Map<String, byte[]> files = new LinkedHashMap<>();
    Random random = new Random(7);
    for (int i = 0; i < 200; i++) {
      byte[] b = new byte[20_000];
      random.nextBytes(b);
      files.put("Files/part" + i + ".bin", b);
    }
    vendor = new PackServer(dir.resolve("vendor")).publish("Keil.STM32G4xx_DFP.1.1.0.pdsc", files);
  }

  @AfterEach
  void tearDown() {
    vendor.close();
  }

  private Process start(Path log, String... args) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
        System.getProperty("java.class.path"), Main.class.getName()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(log.toFile());
    pb.environment().remove("CMSIS_PACK_ROOT");
    pb.environment().remove("PACKS_OFFLINE");
    pb.environment().put("HOME", dir.resolve("home").toString());
    return pb.start();
  }

  private static List<String> names(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(folder)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  @Test
  void aMirrorKilledMidDownloadLeavesAFolderThatARerunCompletes() throws Exception {
    Path mirror = dir.resolve("mirror");
    String[] args = {"mirror", mirror.toString(), "Keil::STM32G4xx_DFP", "--index-url", vendor.url("index.pidx").toString()};
    vendor.throttle(1_000_000);
    Process p = start(dir.resolve("killed.log"), args);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (p.isAlive() && names(mirror).stream().noneMatch(n -> n.endsWith(".pack") || n.contains(".pack.")) && System.nanoTime() < deadline) {
      Thread.sleep(2);
    }
    boolean killedMidway = p.isAlive();
    p.destroyForcibly();
    p.waitFor(60, TimeUnit.SECONDS);
    List<String> left = names(mirror);
    System.out.println("killed " + (killedMidway ? "mid-download" : "too late") + "; folder held " + left);
    assertThat(killedMidway).as("the child was still downloading; log: %s", Files.readString(dir.resolve("killed.log"))).isTrue();
    assertThat(left).as("nothing half-written under a final name").doesNotContain("Keil.STM32G4xx_DFP.1.1.0.pack", "SHA256SUMS");

    vendor.throttle(Long.MAX_VALUE);
    Process rerun = start(dir.resolve("rerun.log"), args);
    assertThat(rerun.waitFor(180, TimeUnit.SECONDS)).isTrue();
    assertThat(rerun.exitValue()).as(Files.readString(dir.resolve("rerun.log"))).isZero();
    assertThat(names(mirror)).noneMatch(n -> n.endsWith(".part"))
        .contains("index.pidx", "SHA256SUMS", "Keil.STM32G4xx_DFP.pdsc", "Keil.STM32G4xx_DFP.1.1.0.pack");
    assertThat(mirror.resolve("Keil.STM32G4xx_DFP.1.1.0.pack")).hasSameBinaryContentAs(dir.resolve("vendor/Keil.STM32G4xx_DFP.1.1.0.pack"));
    assertThat(Files.readString(mirror.resolve("SHA256SUMS")))
        .contains(sha256(mirror.resolve("Keil.STM32G4xx_DFP.1.1.0.pack")) + "  Keil.STM32G4xx_DFP.1.1.0.pack");
  }

  @Test
  void serveStopsCleanlyOnSigterm() throws Exception {
    Path mirror = dir.resolve("mirror");
    Process m = start(dir.resolve("mirror.log"), "mirror", mirror.toString(), "Keil::STM32G4xx_DFP", "--index-url",
        vendor.url("index.pidx").toString());
    assertThat(m.waitFor(180, TimeUnit.SECONDS)).isTrue();
    assertThat(m.exitValue()).as(Files.readString(dir.resolve("mirror.log"))).isZero();

    Path log = dir.resolve("serve.log");
    Process serve = start(log, "serve", mirror.toString(), "--port", "0");
    URI index;
    try (BufferedReader stdout = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8))) {
      index = URI.create(stdout.readLine());
      HttpURLConnection c = (HttpURLConnection) index.toURL().openConnection();
      assertThat(c.getResponseCode()).isEqualTo(200);
      c.getInputStream().readAllBytes();
      c.disconnect();

      serve.destroy(); // SIGTERM
      assertThat(serve.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(serve.exitValue()).as("terminated by SIGTERM, as a shell reports it").isEqualTo(143);
    assertThat(Files.readString(log)).contains("\"GET /index.pidx HTTP/1.1\" 200", "packs: stopped serving " + mirror);
    try (Socket s = new Socket(index.getHost(), index.getPort())) {
      throw new AssertionError("the port still accepts connections");
    } catch (ConnectException expected) {
      // released
    }
  }
}
