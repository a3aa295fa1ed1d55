package dev.packs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.packs.cache.CacheConfig;
import dev.packs.cache.CacheListener;
import dev.packs.cache.InstallOptions;
import dev.packs.cache.PackCache;
import dev.packs.cache.PackRoot;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The card's scenario, in-process on a temporary pack root: install a pack, look at {@code target
 * show stm32g431kbtx}, override the algorithm with a local .flm, and watch {@code target show} and
 * {@code packs.lock} change.
 */
class TargetScenarioTest {
  // The real STM32G4 descriptor; our SFC algorithm stands in for every vendor FLM it names, and our
  // own STM32G4 algorithm is the local fix.
  private static final Path SHARED = Path.of(System.getProperty("packs.shared", "../../shared"));
  private static final Path REPO = Path.of(System.getProperty("packs.repo", ".."));
  private static final Path PDSC = SHARED.resolve("data/pdsc/Keil.STM32G4xx_DFP.1.1.0.pdsc");
  private static final Path VENDOR_FLM = REPO.resolve("test-algorithms/build/sfc_m4_Os.flm");
  private static final Path FIXED_FLM = REPO.resolve("test-algorithms/stm32g4/build/packs_stm32g4_128k.flm");

  @TempDir Path dir;
  private Path root;
  private Path project;
  private StringWriter out;
  private StringWriter err;

  @BeforeEach
  void installThePack() throws Exception {
    root = dir.resolve("packs-root");
    project = Files.createDirectories(dir.resolve("lab/project"));
    Path pack = buildPack(dir.resolve("Keil.STM32G4xx_DFP.1.1.0.pack"));
    try (PackCache cache = PackCache.open(
        CacheConfig.builder(new PackRoot(root)).network(CacheConfig.Network.OFFLINE).build(), new CacheListener() {})) {
      cache.install(List.of(pack.toString()), new InstallOptions(InstallOptions.Dependencies.SKIP, false), dir);
    }
  }

  /** A real .pack: the descriptor at the top, and a file at every algorithm path it names. */
  private static Path buildPack(Path file) throws Exception {
    String pdsc = Files.readString(PDSC);
    TreeSet<String> algorithms = new TreeSet<>();
    Matcher m = Pattern.compile("<algorithm name=\"([^\"]+)\"").matcher(pdsc);
    while (m.find()) {
      algorithms.add(m.group(1).replace('\\', '/'));
    }
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
      zip.putNextEntry(new ZipEntry("Keil.STM32G4xx_DFP.pdsc"));
      zip.write(Files.readAllBytes(PDSC));
      for (String algorithm : algorithms) {
        zip.putNextEntry(new ZipEntry(algorithm));
        zip.write(Files.readAllBytes(VENDOR_FLM));
      }
    }
    return file;
  }

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    Services services = new Services(Map.of("HOME", dir.resolve("home").toString()), project, Clock.systemUTC(), false);
    String[] all = new String[args.length + 2];
    all[0] = "--pack-root";
    all[1] = root.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    return PacksCommand.create(new PrintWriter(out, true), new PrintWriter(err, true), services).execute(all);
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  @Test
  void overrideChangesTargetShowAndTheLockFile() throws Exception {
    // 1. The installed pack's default algorithm, and why.
    assertThat(run("target", "show", "stm32g431kbtx")).as(err.toString()).isEqualTo(0);
    assertThat(out.toString())
        .contains("device   STM32G431KBTx")
        .contains("pack     Keil::STM32G4xx_DFP@1.1.0")
        .contains("IROM1  0x08000000  0x00020000  rx")
        .contains("algorithm  CMSIS/Flash/STM32G4xx_128.FLM")
        .contains("why        pack default: the default algorithm Keil::STM32G4xx_DFP@1.1.0 lists for this region")
        .contains("sha256     " + sha256(VENDOR_FLM));

    // 2. Lock it.
    assertThat(run("pin", "stm32g431kbtx", "Keil::STM32G4xx_DFP@1.1.0")).isEqualTo(0);
    assertThat(run("resolve")).as(err.toString()).isEqualTo(0);
    String lockedBefore = Files.readString(project.resolve("packs.lock"));
    assertThat(lockedBefore).contains("\"origin\" : \"pack\"", "CMSIS/Flash/STM32G4xx_128.FLM", sha256(VENDOR_FLM));

    // 3. The one-command fix: our own algorithm for the boot flash.
    Path fixed = Files.createDirectories(project.resolve("algos")).resolve("STM32G4xx_128_fixed.flm");
    Files.copy(FIXED_FLM, fixed);
    assertThat(run("algo", "override", "stm32g431kbtx", "algos/STM32G4xx_128_fixed.flm")).isEqualTo(0);
    assertThat(run("target", "show", "stm32g431kbtx")).isEqualTo(0);
    assertThat(out.toString())
        .contains("algorithm  algos/STM32G4xx_128_fixed.flm (local file)")
        .contains("why        local override: 'flm: algos/STM32G4xx_128_fixed.flm' in packs.yaml")
        .contains("sha256     " + sha256(FIXED_FLM));

    // 4. The lock no longer matches until resolved again; then it records the override.
    assertThat(run("resolve", "--locked")).isEqualTo(ExitCode.FAILURE.code());
    assertThat(err.toString()).contains("stm32g431kbtx: flash region 0x08000000: locked pack algorithm"
        + " CMSIS/Flash/STM32G4xx_128.FLM, but local override algos/STM32G4xx_128_fixed.flm resolves now");
    assertThat(Files.readString(project.resolve("packs.lock"))).isEqualTo(lockedBefore);
    assertThat(run("resolve")).isEqualTo(0);
    assertThat(Files.readString(project.resolve("packs.lock")))
        .contains("\"origin\" : \"local\"", "algos/STM32G4xx_128_fixed.flm", sha256(FIXED_FLM))
        .doesNotContain(sha256(VENDOR_FLM) + "\"\n      }, {\n        \"region\" : \"0x1FFF");
    assertThat(run("resolve", "--locked")).isEqualTo(0);

    // 5. Someone edits the override file on one machine: the lock says so.
    try (OutputStream o = Files.newOutputStream(fixed, StandardOpenOption.APPEND)) {
      o.write(0);
    }
    assertThat(run("resolve", "--locked")).isEqualTo(ExitCode.FAILURE.code());
    assertThat(err.toString()).contains("local override algos/STM32G4xx_128_fixed.flm has sha256 " + sha256(fixed))
        .contains("(override file edited)");
  }

  @Test
  void jsonShowsTheReasonPerRegion() throws Exception {
    assertThat(run("target", "show", "STM32G431KBTX", "--json")).as(err.toString()).isEqualTo(0);
    JsonNode json = new ObjectMapper().readTree(out.toString());

    assertThat(json.path("device").asText()).isEqualTo("STM32G431KBTx");
    assertThat(json.path("pack").asText()).isEqualTo("Keil::STM32G4xx_DFP@1.1.0");
    JsonNode boot = json.path("flashRegions").get(0);
    assertThat(boot.path("start").asLong()).isEqualTo(0x0800_0000L);
    assertThat(boot.path("start").isIntegralNumber()).isTrue();
    assertThat(boot.path("algorithm").path("reason").asText()).isEqualTo("pack_default");
    assertThat(boot.path("algorithm").path("ramStart").asLong()).isEqualTo(0x2000_0000L);
    assertThat(boot.path("algorithm").path("pageSize").asLong()).isPositive();
  }

  @Test
  void unknownTargetIsNotFoundWithSuggestions() {
    assertThat(run("target", "show", "stm32g431kbzz")).isEqualTo(ExitCode.NOT_FOUND.code());
    assertThat(err.toString()).contains("no installed device matches target 'stm32g431kbzz'")
        .contains("STM32G431KBTx");
    assertThat(out.toString()).isEmpty();
  }
}
