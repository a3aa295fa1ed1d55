package dev.packs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code packs find} and {@code packs show}, run in-process on a temporary pack root. */
class DeviceCommandsTest {
  @TempDir Path tmp;
  private Path root;
  private StringWriter out;
  private StringWriter err;

  private static Path shared(String pdsc) {
    return Path.of(System.getProperty("packs.shared")).resolve("data/pdsc").resolve(pdsc);
  }

  @BeforeEach
  void layOutARoot() throws Exception {
    // Two G4 DFP versions (one installed) and an unrelated Nordic pack, as cpackget would leave them.
    root = tmp.resolve("packs");
    Files.createDirectories(root.resolve(".Web"));
    Files.copy(shared("Keil.STM32G4xx_DFP.1.1.0.pdsc"), root.resolve(".Web/Keil.STM32G4xx_DFP.pdsc"));
    Files.copy(shared("NordicSemiconductor.nRF_DeviceFamilyPack.8.35.0.pdsc"),
        root.resolve(".Web/NordicSemiconductor.nRF_DeviceFamilyPack.pdsc"));
    Path installed = root.resolve("Keil/STM32G4xx_DFP/2.1.0");
    Files.createDirectories(installed);
    Files.copy(shared("Keil.STM32G4xx_DFP.2.1.0-tag.pdsc"), installed.resolve("Keil.STM32G4xx_DFP.pdsc"));
  }

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    Services services = new Services(Map.of("CMSIS_PACK_ROOT", root.toString()), tmp, Clock.systemUTC(), false);
    return PacksCommand.create(new PrintWriter(out, true), new PrintWriter(err, true), services).execute(args);
  }

  private List<String> lines() {
    return out.toString().lines().toList();
  }

  @Test
  void findListsExactMatchesFirstWithEveryPackNewestFirst() {
    assertThat(run("find", "stm32g431kbtx", "STM32G474E")).isZero();
    assertThat(lines().get(0).split("\\s+")).containsExactly("DEVICE", "VENDOR", "PACK", "VERSION", "INSTALLED");
    assertThat(lines().get(1).split("\\s+"))
        .containsExactly("STM32G431KBTx", "STMicroelectronics", "Keil.STM32G4xx_DFP", "2.1.1-dev", "yes");
    assertThat(lines().get(2).split("\\s+"))
        .containsExactly("STM32G431KBTx", "STMicroelectronics", "Keil.STM32G4xx_DFP", "1.1.0", "no");
    assertThat(out.toString()).contains("STM32G474E-EVAL (board: STM32G474QETx)");
    assertThat(err.toString()).contains("device database updated: 3 descriptor(s) read");
  }

  @Test
  void findListsAPackFileAsNotInstalledAndFirst() throws Exception {
    Path pdsc = shared("Keil.STM32G4xx_DFP.1.1.0.pdsc");
    assertThat(run("find", "--json", "STM32G431KBTx", "--pack", pdsc.toString())).isZero();
    JsonNode first = new ObjectMapper().readTree(out.toString()).get(0);
    assertThat(first.get("pack").get("version").asText()).isEqualTo("1.1.0");
    assertThat(first.get("installed").asBoolean()).isFalse();
  }

  @Test
  void findAcceptsGlobs() {
    assertThat(run("find", "nrf528?0_*")).isZero();
    assertThat(lines().subList(1, lines().size())).extracting(l -> l.split("\\s+")[0])
        .containsExactly("nRF52810_xxAA", "nRF52820_xxAA", "nRF52840_xxAA");
  }

  @Test
  void findWithoutMatchIsNotFound() {
    assertThat(run("find", "NoSuchChip")).isEqualTo(ExitCode.NOT_FOUND.code());
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).contains("device or board matching 'NoSuchChip' not found; searched 3 descriptor(s) in ");
  }

  @Test
  void findOnAnEmptyRootSaysWhatToDo() {
    root = tmp.resolve("fresh");
    assertThat(run("find", "STM32G431")).isEqualTo(ExitCode.NOT_FOUND.code());
    assertThat(err.toString()).contains("the pack root " + root + " holds no descriptors yet")
        .contains("--pack");
    assertThat(root).doesNotExist();
  }

  @Test
  void findJsonIsAnArrayOfMatches() throws Exception {
    assertThat(run("--pack-root", root.toString(), "find", "--json", "nRF52840")).isZero();
    JsonNode arr = new ObjectMapper().readTree(out.toString());
    assertThat(arr.isArray()).isTrue();
    assertThat(arr.get(0).get("name").asText()).isEqualTo("nRF52840_xxAA");
    assertThat(arr.get(0).get("kind").asText()).isEqualTo("device");
    assertThat(arr.get(0).get("pack").get("version").asText()).isEqualTo("8.35.0");
    assertThat(arr.get(0).get("installed").asBoolean()).isFalse();
  }

  @Test
  void showPrintsProcessorsMemoryAndAlgorithmsWithProvenance() {
    assertThat(run("show", "stm32g431kbtx")).isZero();
    String text = out.toString();
    assertThat(text).startsWith("STM32G431KBTx\n");
    assertThat(text).contains("pack:      Keil.STM32G4xx_DFP.2.1.1-dev (installed, ")
        .contains("also in:   Keil.STM32G4xx_DFP.1.1.0 (web, ");
    assertThat(lines()).anySatisfy(l -> assertThat(l.split("\\s+")).containsExactly(
        "", "Main_Flash", "0x08000000", "0x00020000", "rx", "yes", "yes", "-", "device", "STM32G431KBTx"));
    assertThat(lines()).anySatisfy(l -> assertThat(l.split("\\s+")).containsExactly(
        "", "CMSIS/Flash/STM32G43x-4x_128.FLM", "0x08000000", "0x00020000", "0x20000000+0x00008000",
        "yes", "Keil", "-", "device", "STM32G431KBTx"));
  }

  @Test
  void showJsonHasTheDocumentedShape() throws Exception {
    assertThat(run("show", "--json", "STM32G431KBTx")).isZero();
    JsonNode d = new ObjectMapper().readTree(out.toString());
    assertThat(names(d)).containsExactly(
        "name", "vendor", "family", "subFamily", "pack", "processors", "memories", "algorithms");
    assertThat(names(d.get("pack"))).containsExactly("vendor", "name", "version");
    assertThat(names(d.get("processors").get(0))).containsExactly("name", "core", "fpu", "mpu", "endian", "clock");
    assertThat(names(d.get("memories").get(0)))
        .containsExactly("name", "start", "size", "access", "default", "startup", "pname");
    assertThat(names(d.get("algorithms").get(0)))
        .containsExactly("path", "start", "size", "ramStart", "ramSize", "default", "style", "pname");
    assertThat(d.get("pack").get("version").asText()).isEqualTo("2.1.1-dev");
    assertThat(d.get("processors").get(0).get("clock").isIntegralNumber()).isTrue();
    JsonNode flash = d.get("memories").get(1);
    assertThat(flash.get("name").asText()).isEqualTo("Main_Flash");
    assertThat(flash.get("start").isIntegralNumber()).isTrue();
    assertThat(flash.get("start").asLong()).isEqualTo(0x08000000L);
    assertThat(flash.get("pname").isNull()).isTrue();
  }

  @Test
  void showJsonGivesNullForAMissingRamRange() throws Exception {
    // The G4 1.1.0 DFP gives no RAMstart; --pack makes it win over the newer installed pack.
    Path pdsc = shared("Keil.STM32G4xx_DFP.1.1.0.pdsc");
    assertThat(run("show", "STM32G431KBTx", "--json", "--pack", pdsc.toString())).isZero();
    JsonNode d = new ObjectMapper().readTree(out.toString());
    assertThat(d.get("pack").get("version").asText()).isEqualTo("1.1.0");
    JsonNode algo = d.get("algorithms").get(0);
    assertThat(algo.get("path").asText()).isEqualTo("CMSIS/Flash/STM32G4xx_128.FLM");
    assertThat(algo.get("ramStart").isNull()).isTrue();
    assertThat(algo.get("ramSize").isNull()).isTrue();
  }

  @Test
  void showReadsAPackFileWithoutInstallingIt() throws Exception {
    root = tmp.resolve("empty-root");
    assertThat(run("show", "--pack", shared("pyocd-test-Test1.pdsc").toString(), "TST0001")).isZero();
    assertThat(out.toString()).contains("CM4   Cortex-M4").contains("CM0p  Cortex-M0+");
    assertThat(Files.exists(root.resolve(".Web"))).isFalse();
  }

  @Test
  void showWarnsAboutADeviceWithoutProcessorAndStillShowsIt() throws Exception {
    Path pdsc = root.resolve(".Web/Acme.NoCpu.pdsc");
    Files.writeString(pdsc, "<package><vendor>Acme</vendor><name>NoCpu</name><releases><release version='1.0.0'/>"
        + "</releases><devices><family Dfamily='F' Dvendor='Acme:1'><device Dname='NOCPU1'>"
        + "<memory id='IROM1' start='0' size='0x100'/></device></family></devices></package>");
    assertThat(run("show", "NOCPU1")).isZero();
    assertThat(err.toString()).contains("packs: warning: " + pdsc + ": device 'NOCPU1' has no <processor>");
    assertThat(out.toString()).contains("IROM1  0x00000000  0x00000100  rx");
    assertThat(run("show", "--json", "NOCPU1", "--pack", pdsc.toString())).isZero();
    assertThat(err.toString()).contains("device 'NOCPU1' has no <processor>");
    assertThat(new ObjectMapper().readTree(out.toString()).get("processors").size()).isZero();
  }

  @Test
  void showUnknownDeviceIsNotFoundWithSuggestions() {
    assertThat(run("show", "STM32G431XXXX")).isEqualTo(ExitCode.NOT_FOUND.code());
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).contains("device 'STM32G431XXXX' not found; similar: STM32G431C6Tx");
  }

  @Test
  void malformedPackFileIsAFailureNamingLineAndColumnWithoutStackTrace() throws Exception {
    Path bad = tmp.resolve("bad.pdsc");
    Files.writeString(bad, "<package>\n<vendor>V</vendor>\n<name>N</name\n</package>");
    assertThat(run("show", "--pack", bad.toString(), "X")).isEqualTo(ExitCode.FAILURE.code());
    assertThat(err.toString()).contains(bad + ":4:").doesNotContain("\tat ");
  }

  @Test
  void htmlPackFileSaysItIsHtml() throws Exception {
    Path html = tmp.resolve("Keil.STM32G4xx_DFP.pdsc");
    Files.writeString(html, "<!doctype html><html><body>Sign in</body></html>");
    assertThat(run("find", "--pack", html.toString(), "G4")).isEqualTo(ExitCode.FAILURE.code());
    assertThat(err.toString()).contains("found an HTML page");
  }

  @Test
  void packFileWhoseDescriptorExpandsLikeAZipBombIsRefusedNamingTheFile() throws Exception {
    // A real descriptor followed by 8 MiB of blanks: still valid XML, but it expands about 1000:1,
    // far past the ratio install refuses, so it must be refused before it is expanded.
    Path bomb = tmp.resolve("Keil.STM32G4xx_DFP.1.1.0.pack");
    try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(bomb))) {
      zip.putNextEntry(new java.util.zip.ZipEntry("Keil.STM32G4xx_DFP.pdsc"));
      zip.write(Files.readAllBytes(shared("Keil.STM32G4xx_DFP.1.1.0.pdsc")));
      zip.write(" ".repeat(8 << 20).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
    assertThat(run("find", "--pack", bomb.toString(), "STM32G431KBTx")).isEqualTo(ExitCode.FAILURE.code());
    assertThat(err.toString()).contains(bomb.toString()).contains("suspicious ratio").doesNotContain("\tat ");
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }

  @Test
  void oneHostileDescriptorIsReportedOnceAndEveryOtherDeviceStillAnswers() throws Exception {
    // The attack: a .Web descriptor with a memory size of 0x8000000000000000, a device name over
    // 64 KiB and an algorithm start of all ones. It made every find/show exit 2 or 1.
    String longName = "H".repeat(70_000);
    String text = "<package><vendor>Evil</vendor><name>Pack</name><releases><release version='1.0.0'/></releases><devices>"
        + "<family Dfamily='Evil' Dvendor='Evil:1'><processor Dcore='Cortex-M4'/>"
        + "<device Dname='EVIL1'><memory name='Flash' start='0x08000000' size='0x8000000000000000' access='rx'/>"
        + "<memory name='RAM' start='0x20000000' size='0x1000' access='rw' default='1'/>"
        + "<algorithm name='A.FLM' start='0xFFFFFFFFFFFFFFFF' size='0x1000'/></device>"
        + "<device Dname='" + longName + "'/></family></devices></package>";
    Path hostile = root.resolve(".Web/Evil.Pack.pdsc");
    Files.writeString(hostile, text);

    assertThat(run("find", "stm32g431kbtx")).isZero();
    assertThat(err.toString().lines().filter(l -> l.startsWith("packs: warning: " + hostile)).toList()).hasSize(2)
        .anySatisfy(l -> assertThat(l).contains("'size' of <memory>", "unsigned 32-bit", "<memory> 'Flash' is skipped"))
        .anySatisfy(l -> assertThat(l).contains("'start' of <algorithm>", "<algorithm> 'A.FLM' is skipped"));

    assertThat(run("show", "EVIL1", "--json")).isZero();
    JsonNode evil = new ObjectMapper().readTree(out.toString());
    assertThat(evil.get("memories")).singleElement().satisfies(m -> assertThat(m.get("name").asText()).isEqualTo("RAM"));
    assertThat(evil.get("algorithms")).isEmpty();
    assertThat(out.toString()).doesNotContain("-1");
    assertThat(err.toString()).contains("<memory> 'Flash' is skipped"); // 'show' names what its device lacks

    assertThat(run("find", longName.substring(0, 100))).isZero();
    assertThat(out.toString()).contains(longName);
    assertThat(err.toString()).isEmpty(); // the database reported the file once, when it read it
    assertThat(run("show", "nRF52840_xxAA")).isZero();
  }
}
