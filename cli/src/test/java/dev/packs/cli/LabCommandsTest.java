package dev.packs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lab story in-process, on 127.0.0.1: mirror a vendor server, stop it, serve the folder, install
 * through it, lock a project with a local override, carry it to an offline lab in a bundle.
 */
class LabCommandsTest {
  // The real STM32G4 descriptor; our SFC algorithm at every path it names, our own G4 algorithm as the
  // project's override: a pack member and a local file the lock records.
  private static final Path SHARED = Path.of(System.getProperty("packs.shared", "../../shared"));
  private static final Path REPO = Path.of(System.getProperty("packs.repo", ".."));
  private static final Path VENDOR_FLM = REPO.resolve("test-algorithms/build/sfc_m4_Os.flm");
  private static final Path FIXED_FLM = REPO.resolve("test-algorithms/stm32g4/build/packs_stm32g4_128k.flm");

  @TempDir Path dir;
  PackServer vendor;
  Path mirror;
  StringWriter out;
  StringWriter err;

  @BeforeEach
  void setUp() throws Exception {
    Map<String, byte[]> algorithms = new LinkedHashMap<>();
    String pdsc = Files.readString(SHARED.resolve("data/pdsc/Keil.STM32G4xx_DFP.1.1.0.pdsc"));
    TreeSet<String> names = new TreeSet<>();
    Matcher m = Pattern.compile("<algorithm name=\"([^\"]+)\"").matcher(pdsc);
    while (m.find()) {
      names.add(m.group(1).replace('\\', '/'));
    }
    for (String name : names) {
      algorithms.put(name, Files.readAllBytes(VENDOR_FLM));
    }
    vendor = new PackServer(dir.resolve("vendor")).publish("Keil.STM32G4xx_DFP.1.1.0.pdsc", algorithms);
    mirror = dir.resolve("mirror");
  }

  @AfterEach
  void tearDown() {
    vendor.close();
  }

  private Services services(Path workingDir) {
    return new Services(Map.of("HOME", dir.resolve("home").toString()), workingDir, Clock.systemUTC(), false);
  }

  private int run(Path workingDir, String... args) {
    out = new StringWriter();
    err = new StringWriter();
    return PacksCommand.create(new PrintWriter(out, true), new PrintWriter(err, true), services(workingDir)).execute(args);
  }

  /** {@code packs serve} in a thread of its own; stopped by an interrupt, as the shutdown hook would stop it. */
  private final class Serving implements AutoCloseable {
    final StringWriter log = new StringWriter();
    final CountDownLatch ready = new CountDownLatch(1);
    final StringBuilder url = new StringBuilder();
    final AtomicInteger exit = new AtomicInteger(-1);
    final Thread thread;

    Serving(String... args) throws InterruptedException {
      Writer firstLine = new Writer() {
        @Override
        public void write(char[] c, int off, int len) {
          synchronized (url) {
            url.append(c, off, len);
            if (url.indexOf("\n") >= 0) {
              ready.countDown();
            }
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
      thread = new Thread(() -> exit.set(PacksCommand.create(new PrintWriter(firstLine, true), new PrintWriter(log, true),
          services(dir)).execute(args)));
      thread.start();
      assertThat(ready.await(60, TimeUnit.SECONDS)).as("serve printed its URL; log: %s", log).isTrue();
    }

    URI indexUrl() {
      synchronized (url) {
        return URI.create(url.toString().strip());
      }
    }

    @Override
    public void close() throws InterruptedException {
      thread.interrupt();
      thread.join(60_000);
    }
  }

  private static int status(String method, URI url) throws IOException {
    HttpURLConnection c = (HttpURLConnection) url.toURL().openConnection();
    c.setRequestMethod(method);
    if (method.equals("PUT")) {
      c.setDoOutput(true);
      try (OutputStream o = c.getOutputStream()) {
        o.write("x".getBytes(StandardCharsets.UTF_8));
      }
    }
    int code = c.getResponseCode();
    try (InputStream in = code < 400 ? c.getInputStream() : c.getErrorStream()) {
      if (in != null) {
        in.readAllBytes();
      }
    }
    return code;
  }

  @Test
  void mirrorServeInstallLockAndCarryToAnOfflineLab() throws Exception {
    // 1. Mirror the vendor, then lose the vendor.
    assertThat(run(dir, "mirror", mirror.toString(), "Keil::STM32G4xx_DFP", "--index-url", vendor.url("index.pidx").toString()))
        .as(err.toString()).isZero();
    assertThat(out.toString()).contains("Keil.STM32G4xx_DFP.1.1.0  ").contains("index " + mirror.resolve("index.pidx").toUri());
    vendor.close();

    // 2. Serve the folder and install through it; a second update-index fetches nothing.
    Path office = dir.resolve("office-root");
    Path project = Files.createDirectories(dir.resolve("office/project"));
    try (Serving serve = new Serving("serve", mirror.toString(), "--port", "0")) {
      String index = serve.indexUrl().toString();
      assertThat(index).startsWith("http://127.0.0.1:").endsWith("/index.pidx");
      assertThat(run(dir, "--pack-root", office.toString(), "--index-url", index, "update-index")).as(err.toString()).isZero();
      assertThat(run(dir, "--pack-root", office.toString(), "--index-url", index, "install", "STM32G4xx_DFP")).as(err.toString()).isZero();
      assertThat(run(dir, "--pack-root", office.toString(), "--index-url", index, "update-index", "--json")).isZero();
      JsonNode second = new ObjectMapper().readTree(out.toString());
      assertThat(second.path("indexChanged").asBoolean()).isFalse();
      assertThat(second.path("requests").asInt()).isEqualTo(1);
      assertThat(second.path("bytes").asLong()).isZero();
      assertThat(status("PUT", serve.indexUrl())).isEqualTo(405);
      assertThat(status("GET", serve.indexUrl().resolve("/..%2f..%2fetc/passwd"))).isEqualTo(400);
      serve.close();
      assertThat(serve.exit.get()).isZero();
      assertThat(serve.log.toString())
          .containsPattern("127\\.0\\.0\\.1 - - \\[[^]]+] \"GET /Keil\\.STM32G4xx_DFP\\.1\\.1\\.0\\.pack HTTP/1\\.1\" 200 \\d+ \"packs/")
          .contains("\"GET /index.pidx HTTP/1.1\" 304 - ")
          .contains("\"PUT /index.pidx HTTP/1.1\" 405")
          .contains("packs: stopped serving " + mirror);
    }

    // 3. Lock a project that overrides the boot flash algorithm with a local file.
    Files.createDirectories(project.resolve("algos"));
    Files.copy(FIXED_FLM, project.resolve("algos/STM32G4xx_128_fixed.flm"));
    assertThat(run(project, "--pack-root", office.toString(), "pin", "stm32g431kbtx", "Keil::STM32G4xx_DFP@1.1.0")).isZero();
    assertThat(run(project, "--pack-root", office.toString(), "algo", "override", "stm32g431kbtx", "algos/STM32G4xx_128_fixed.flm"))
        .as(err.toString()).isZero();
    assertThat(run(project, "--pack-root", office.toString(), "resolve")).as(err.toString()).isZero();

    // 4. Export, and import in a lab that has the project's committed files and nothing else.
    Path bundle = dir.resolve("usb/lab.zip");
    assertThat(run(project, "--pack-root", office.toString(), "bundle", "export", bundle.toString())).as(err.toString()).isZero();
    assertThat(out.toString()).contains("pack Keil.STM32G4xx_DFP.1.1.0  ", "file algos/STM32G4xx_128_fixed.flm  ");
    Path lab = Files.createDirectories(dir.resolve("lab/project"));
    Files.copy(project.resolve("packs.yaml"), lab.resolve("packs.yaml"));
    Files.copy(project.resolve("packs.lock"), lab.resolve("packs.lock"));
    Path labRoot = dir.resolve("lab-root");
    assertThat(run(lab, "--offline", "--pack-root", labRoot.toString(), "bundle", "import", bundle.toString())).as(err.toString()).isZero();
    assertThat(out.toString()).contains("installed Keil.STM32G4xx_DFP.1.1.0", "wrote " + lab.resolve("algos/STM32G4xx_128_fixed.flm"));
    assertThat(lab.resolve("algos/STM32G4xx_128_fixed.flm")).hasSameBinaryContentAs(FIXED_FLM);
    assertThat(run(lab, "--offline", "--pack-root", labRoot.toString(), "resolve", "--locked")).as(err.toString()).isZero();
    assertThat(err.toString()).contains("matches");
  }

  @Test
  void aTamperedBundleIsRefusedAndNothingIsInstalled() throws Exception {
    Path office = dir.resolve("office-root");
    Path project = Files.createDirectories(dir.resolve("office/project"));
    assertThat(run(project, "--pack-root", office.toString(), "--index-url", vendor.url("index.pidx").toString(), "install",
        "Keil::STM32G4xx_DFP")).as(err.toString()).isZero();
    assertThat(run(project, "--pack-root", office.toString(), "pin", "stm32g431kbtx", "Keil::STM32G4xx_DFP@1.1.0")).isZero();
    assertThat(run(project, "--pack-root", office.toString(), "resolve")).as(err.toString()).isZero();
    Path bundle = dir.resolve("lab.zip");
    assertThat(run(project, "--pack-root", office.toString(), "bundle", "export", bundle.toString(), "--json")).isZero();
    assertThat(new ObjectMapper().readTree(out.toString()).path("packs").get(0).path("key").asText()).isEqualTo("Keil.STM32G4xx_DFP.1.1.0");

    // One flipped bit in the middle of the stored pack.
    Path tampered = dir.resolve("tampered.zip");
    try (ZipFile in = new ZipFile(bundle.toFile()); ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(tampered))) {
      for (ZipEntry e : java.util.Collections.list(in.entries())) {
        byte[] body;
        try (InputStream is = in.getInputStream(e)) {
          body = is.readAllBytes();
        }
        if (e.getName().endsWith(".pack")) {
          body[body.length / 2] ^= 0x10;
        }
        zip.putNextEntry(new ZipEntry(e.getName()));
        zip.write(body);
      }
    }
    Path lab = Files.createDirectories(dir.resolve("lab/project"));
    Files.copy(project.resolve("packs.yaml"), lab.resolve("packs.yaml"));
    Files.copy(project.resolve("packs.lock"), lab.resolve("packs.lock"));
    Path labRoot = dir.resolve("lab-root");

    assertThat(run(lab, "--offline", "--pack-root", labRoot.toString(), "bundle", "import", tampered.toString()))
        .isEqualTo(ExitCode.FAILURE.code());
    assertThat(err.toString()).contains("packs: " + tampered + ": entry packs/Keil.STM32G4xx_DFP.1.1.0.pack: sha256 ");
    assertThat(labRoot.resolve("Keil")).doesNotExist();
    assertThat(labRoot.resolve(".Download/Keil.STM32G4xx_DFP.1.1.0.pack")).doesNotExist();
    assertThat(run(lab, "--offline", "--pack-root", labRoot.toString(), "resolve", "--locked")).isNotZero();
  }

  @Test
  void mirrorNeedsPacksOrAllForANewFolder() {
    assertThat(run(dir, "mirror", mirror.toString(), "--index-url", vendor.url("index.pidx").toString()))
        .isEqualTo(ExitCode.USAGE.code());
    assertThat(err.toString()).contains("name the packs to mirror, or give --all");
    assertThat(mirror).doesNotExist();
  }

  @Test
  void mirrorOfAPackTheIndexLacksIsNotFound() {
    assertThat(run(dir, "mirror", mirror.toString(), "Keil::NoSuch_DFP", "--index-url", vendor.url("index.pidx").toString()))
        .isEqualTo(ExitCode.NOT_FOUND.code());
    assertThat(err.toString()).contains("Keil::NoSuch_DFP");
  }

  @Test
  void serveTakesAFolderOrThePackRootNotBoth() {
    assertThat(run(dir, "serve", mirror.toString(), "--pack-root", dir.toString(), "--port", "0")).isEqualTo(ExitCode.USAGE.code());
    assertThat(err.toString()).contains("give DIR or --pack-root, not both");
    assertThat(run(dir, "serve", dir.resolve("nowhere").toString(), "--port", "0")).isEqualTo(ExitCode.NOT_FOUND.code());
  }

  @Test
  void serveWithoutDirServesThePackRoot() throws Exception {
    Path root = dir.resolve("root");
    assertThat(run(dir, "--pack-root", root.toString(), "--index-url", vendor.url("index.pidx").toString(), "install",
        "Keil::STM32G4xx_DFP")).as(err.toString()).isZero();
    List<String> args = new ArrayList<>(List.of("--pack-root", root.toString(), "serve", "--port", "0"));
    try (Serving serve = new Serving(args.toArray(String[]::new))) {
      Path student = dir.resolve("student-root");
      assertThat(run(dir, "--pack-root", student.toString(), "--index-url", serve.indexUrl().toString(), "install", "STM32G4xx_DFP"))
          .as(err.toString()).isZero();
      assertThat(student.resolve("Keil/STM32G4xx_DFP/1.1.0")).isDirectory();
    }
  }
}
