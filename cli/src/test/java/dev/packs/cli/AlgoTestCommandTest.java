package dev.packs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code algo test} and {@code algo diff} on the emulated STM32G431KB, with the project's own algorithms. */
class AlgoTestCommandTest {
  @TempDir Path dir;

  /** An empty pack root: --pack names the real descriptor, so --device STM32G431KBTx brings its RAM. */
  private G4Lab lab() throws Exception {
    return new G4Lab(dir);
  }

  private String[] fileTest(String flm, String... more) {
    String[] base = {"algo", "test", G4Lab.REPO.resolve(flm).toString(), "--device", "STM32G431KBTx",
        "--pack", G4Lab.PDSC.toString()};
    String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }

  @Test
  void catchesTheWrongPageAlgorithmAndNamesTheFirstBadSectorInPlainWords() throws Exception {
    G4Lab lab = lab();
    assertThat(lab.run(fileTest(G4Lab.G4_WRONG_PAGE))).as(lab.err.toString()).isEqualTo(ExitCode.TARGET.code());
    assertThat(lab.out.toString())
        .contains("0x0800F800  0x800  ok     ok       -")
        .contains("0x08010000  0x800  FAIL   FAIL     -       changed 0x08000000..0x080007FF")
        .contains("FAILED: EraseSector(0x08010000) erased 0x08000000..0x080007FF instead of"
            + " 0x08010000..0x080107FF");
  }

  @Test
  void jsonGivesEverySectorWithWhatItsEraseChanged() throws Exception {
    G4Lab lab = lab();
    assertThat(lab.run(fileTest(G4Lab.G4_WRONG_PAGE, "--json"))).isEqualTo(ExitCode.TARGET.code());
    JsonNode json = new ObjectMapper().readTree(lab.out.toString());
    assertThat(json.get("passed").asBoolean()).isFalse();
    assertThat(json.at("/algorithm/sha256").asText()).hasSize(64);
    assertThat(json.get("device").asText()).isEqualTo("STM32G431KBTx");
    assertThat(json.get("sectors")).hasSize(64);
    JsonNode bad = json.get("sectors").get(32);
    assertThat(bad.get("start").asLong()).isEqualTo(0x0801_0000L);
    assertThat(bad.at("/erase/ok").asBoolean()).isFalse();
    assertThat(bad.at("/erase/changed").toString()).isEqualTo("[{\"start\":134217728,\"size\":2048}]");
    assertThat(bad.get("verify").isNull()).isTrue();
    assertThat(json.at("/sectors/31/erase/ok").asBoolean()).isTrue();
    assertThat(json.at("/eraseChip/ok").asBoolean()).isTrue();
    assertThat(json.get("seconds").isNumber()).isTrue();
    // Every call returned: the wrong erase is the algorithm's, nothing the emulator has to explain.
    assertThat(json.get("diagnosis").isNull()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {G4Lab.G4, G4Lab.SFC, "test-algorithms/build/sfc_m0_O2.flm"})
  void passesTheCorrectAlgorithmsOnEverySector(String flm) throws Exception {
    // Our G4 algorithm on the G4 model; the SFC builds on the SFC model their FlashDevice names.
    G4Lab lab = lab();
    assertThat(lab.run(fileTest(flm))).as(lab.out + "" + lab.err).isZero();
    assertThat(lab.out.toString()).contains("PASSED: every sector").doesNotContain("FAIL");
  }

  @Test
  void testsTheTargetsOwnAlgorithmOnTheEmulator() throws Exception {
    // The pack's algorithm (our wrong-page build standing in for the vendor's) as target show lists it.
    G4Lab lab = new G4Lab(dir, G4Lab.G4_WRONG_PAGE);
    assertThat(lab.run("algo", "test", "stm32g431kbtx", "--probe", "emulator")).isEqualTo(ExitCode.TARGET.code());
    assertThat(lab.out.toString()).contains("algorithm  CMSIS/Flash/STM32G4xx_128.FLM")
        .contains("region     IROM1 0x08000000..0x0801FFFF: 64 sectors, page 0x800, erased 0xFF")
        .contains("FAILED: EraseSector(0x08010000) erased 0x08000000..0x080007FF");
  }

  @Test
  void passesTheSfcAlgorithmStandingInForTheVendorsOnTheSfcModel() throws Exception {
    // As in the other target tests, our SFC algorithm in the vendor's place: the emulated device takes the
    // SFC controller its FlashDevice names, inside the STM32G431KB's memory map.
    G4Lab lab = new G4Lab(dir, G4Lab.SFC);
    assertThat(lab.run("algo", "test", "stm32g431kbtx", "--probe", "emulator", "--json")).as(lab.err.toString())
        .isZero();
    JsonNode json = new ObjectMapper().readTree(lab.out.toString());
    assertThat(json.get("passed").asBoolean()).isTrue();
    assertThat(json.get("sectors")).hasSize(11);
    assertThat(json.at("/sectors/10/verify/ok").asBoolean()).isTrue();
    assertThat(json.at("/regions/0/name").asText()).isEqualTo("IROM1");
    assertThat(json.at("/algorithm/path").asText()).endsWith("STM32G4xx_128.FLM");
  }

  @Test
  void withoutAProbeSaysNoneIsAttached() throws Exception {
    G4Lab lab = new G4Lab(dir, G4Lab.G4);
    assertThat(lab.run("algo", "test", "stm32g431kbtx")).isEqualTo(ExitCode.NOT_FOUND.code());
    assertThat(lab.err.toString()).contains("no debug probe is attached").contains("--probe emulator");
    assertThat(lab.out.toString()).isEmpty();
  }

  @Test
  void saysWhyACallCouldNotFinishAndExitsFive() throws Exception {
    // ST's OCTOSPI loader for the U575 evaluation board: no model has the external flash's controller,
    // so its Init stops on a peripheral the emulator does not have, which the report must name.
    Path u5 = Path.of(System.getProperty("packs.shared")).resolve("data/flm/STM32U5xx_DFP");
    String[] args = {"algo", "test", u5.resolve("MX25LM51245G_STM32U575I-EVAL.FLM").toString(), "--device",
        "STM32U575ZITx", "--pack", u5.resolve("Keil.STM32U5xx_DFP.3.0.0-dev-tag.pdsc").toString()};
    G4Lab lab = lab();
    assertThat(lab.run(args)).as(lab.err.toString()).isEqualTo(ExitCode.TARGET.code());
    assertThat(lab.out.toString()).contains("FAILED: flash init").contains("; why: ").contains("not modelled");
    G4Lab json = new G4Lab(dir);
    String[] withJson = java.util.Arrays.copyOf(args, args.length + 1);
    withJson[args.length] = "--json";
    assertThat(json.run(withJson)).isEqualTo(ExitCode.TARGET.code());
    JsonNode report = new ObjectMapper().readTree(json.out.toString());
    assertThat(report.get("diagnosis").asText()).contains("0x").contains("not modelled");
    assertThat(report.at("/regions/0/diagnosis").asText()).isEqualTo(report.get("diagnosis").asText());
  }

  @Test
  void aFlmWithoutADeviceIsAUsageError() throws Exception {
    G4Lab lab = lab();
    assertThat(lab.run("algo", "test", G4Lab.REPO.resolve(G4Lab.G4).toString())).isEqualTo(ExitCode.USAGE.code());
    assertThat(lab.err.toString()).contains("needs --device DEVICE");
  }

  @Test
  void diffShowsTheWrongPageEraseAndItsRegisterWrites() throws Exception {
    G4Lab lab = lab();
    int code = lab.run("algo", "diff", lab.repo(G4Lab.G4), lab.repo(G4Lab.G4_WRONG_PAGE), "--device",
        "STM32G431KBTx", "--pack", G4Lab.PDSC.toString());
    assertThat(code).isEqualTo(ExitCode.FAILURE.code());
    assertThat(lab.out.toString())
        .contains("EraseSector(0x08010000)\n"
            + "  A -> 0x00000000; changed 0x08010000..0x080107FF\n"
            + "  B -> 0x00000000; changed 0x08000000..0x080007FF\n")
        .contains("  - write 0x40022014 <- 0x00000102  FLASH_CR\n")
        .contains("  + write 0x40022014 <- 0x00000002  FLASH_CR\n")
        .contains("2 of 12 calls differ");
  }

  @Test
  void diffOfTwoCopiesIsTheSameAsJson() throws Exception {
    G4Lab lab = lab();
    int code = lab.run("algo", "diff", lab.repo(G4Lab.SFC), lab.repo(G4Lab.SFC), "--device", "STM32G431KBTx",
        "--pack", G4Lab.PDSC.toString(), "--json");
    assertThat(code).isZero();
    JsonNode json = new ObjectMapper().readTree(lab.out.toString());
    assertThat(json.get("same").asBoolean()).isTrue();
    assertThat(json.get("model").asText()).isEqualTo("SFC");
    assertThat(json.get("calls")).hasSize(12);
    assertThat(json.at("/calls/1/function").asText()).isEqualTo("EraseSector");
    assertThat(json.at("/calls/1/a/changed").toString()).isEqualTo("[{\"start\":134217728,\"size\":4096}]");
    assertThat(json.at("/calls/1/a/peripheralWrites/0/register").asText()).isNotEmpty();
  }
}
