package dev.packs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.packs.cache.CacheConfig;
import dev.packs.cache.CacheListener;
import dev.packs.cache.InstallOptions;
import dev.packs.cache.PackCache;
import dev.packs.cache.PackRoot;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code algo export TARGET}: the real STM32G4 descriptor installed in a temporary pack root. */
class AlgoExportTargetTest {
  // The real descriptor; our SFC algorithm stands in for every FLM it names (no vendor FLMs ship here).
  private static final Path PDSC = Path.of(System.getProperty("packs.shared", "../../shared"))
      .resolve("data/pdsc/Keil.STM32G4xx_DFP.1.1.0.pdsc");
  private static final Path FLM = Path.of(System.getProperty("packs.repo", ".."))
      .resolve("test-algorithms/build/sfc_m4_Os.flm");

  @TempDir Path dir;
  private Path root;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void installThePack() throws Exception {
    root = dir.resolve("packs-root");
    Path pack = dir.resolve("Keil.STM32G4xx_DFP.1.1.0.pack");
    TreeSet<String> algorithms = new TreeSet<>();
    Matcher m = Pattern.compile("<algorithm name=\"([^\"]+)\"").matcher(Files.readString(PDSC));
    while (m.find()) {
      algorithms.add(m.group(1).replace('\\', '/'));
    }
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(pack))) {
      zip.putNextEntry(new ZipEntry("Keil.STM32G4xx_DFP.pdsc"));
      zip.write(Files.readAllBytes(PDSC));
      for (String algorithm : algorithms) {
        zip.putNextEntry(new ZipEntry(algorithm));
        zip.write(Files.readAllBytes(FLM));
      }
    }
    try (PackCache cache = PackCache.open(CacheConfig.builder(new PackRoot(root))
        .network(CacheConfig.Network.OFFLINE).build(), new CacheListener() {})) {
      cache.install(List.of(pack.toString()), new InstallOptions(InstallOptions.Dependencies.SKIP, false), dir);
    }
  }

  private int run(String... args) {
    Services services = new Services(Map.of("HOME", dir.resolve("home").toString()),
        dir, Clock.systemUTC(), false);
    String[] all = Stream.concat(Stream.of("--pack-root", root.toString()), Stream.of(args)).toArray(String[]::new);
    return PacksCommand.create(new PrintWriter(out, true), new PrintWriter(err, true), services).execute(all);
  }

  @Test
  void exportsTheTargetsBootFlashAlgorithmForProbeRs() {
    assertThat(run("algo", "export", "stm32g431kbtx", "--format", "probe-rs")).as(err.toString()).isEqualTo(0);

    assertThat(out.toString()).contains("- name: \"stm32g4xx_128\"\n", "  default: true\n",
        "  data_section_offset: 0x108\n");
  }

  @Test
  void placesThePyocdDictInTheRamTheTargetResolvedTo() {
    assertThat(run("algo", "export", "stm32g431kbtx", "--format", "pyocd")).as(err.toString()).isEqualTo(0);

    assertThat(out.toString()).contains("FLASH_ALGO_STM32G4XX_128 = {\n", "'load_address': 0x20000004,");
  }

  @Test
  void jsonCarriesThePlacementAndASecondExportIsServedFromTheCache() throws Exception {
    assertThat(run("algo", "export", "stm32g431kbtx", "--format", "json")).as(err.toString()).isEqualTo(0);
    JsonNode first = new ObjectMapper().readTree(out.toString()).get("algorithms").get(0);

    assertThat(first.get("placement").get("ramStart").asLong()).isEqualTo(0x2000_0000L);
    assertThat(first.get("algorithm").get("device").get("name").asText()).isEqualTo("PACKS SFC 128KB Flash");
    try (Stream<Path> entries = Files.walk(root.resolve(".packs/algorithms/v1/by-sha256"))) {
      assertThat(entries.filter(p -> p.toString().endsWith(".alg"))).hasSize(1);
    }
  }
}
