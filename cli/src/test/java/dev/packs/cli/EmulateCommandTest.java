package dev.packs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmulateCommandTest {
  // The repository's own algorithms: SFC (Cortex-M4 -Os), nRF52, and G4 with its deliberately
  // wrong-page variant.
  private static final Path REPO = Path.of(System.getProperty("packs.repo"));
  private static final String SFC = "test-algorithms/build/sfc_m4_Os.flm";
  private static final String G4 = "test-algorithms/stm32g4/build/packs_stm32g4_128k.flm";
  private static final String NRF52 = "test-algorithms/nrf52/build/packs_nrf52832.flm";
  private static final String G4_WRONG =
      "test-algorithms/stm32g4/build/packs_stm32g4_128k_wrongpage.flm";

  @org.junit.jupiter.api.io.TempDir Path temp;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    Services services = new Services(Map.of(), REPO, Clock.systemUTC(), false);
    return PacksCommand.create(new PrintWriter(out, true), new PrintWriter(err, true), services)
        .execute(args);
  }

  private JsonNode json(String... args) throws Exception {
    run(args);
    return new ObjectMapper().readTree(out.toString());
  }

  @Test
  void reportsEachCallWithResultInstructionsWritesAndChangedPagesAsJson() throws Exception {
    JsonNode report = json("emulate", G4, "--json", "--call", "Init:0x08000000,0,1",
        "--call", "EraseSector:0x08004000", "--call", "UnInit:1");
    assertThat(report.at("/device").asText()).isEqualTo("STM32G431KB 128KB Flash (packs)");
    assertThat(report.at("/algorithm/path").asText()).isEqualTo(G4);
    assertThat(report.at("/algorithm/sha256").asText()).hasSize(64);
    JsonNode calls = report.get("calls");
    assertThat(calls).hasSize(3);
    assertThat(calls.get(0).get("function").asText()).isEqualTo("Init");
    assertThat(calls.get(0).get("args").toString()).isEqualTo("[134217728,0,1]");
    assertThat(calls.get(0).get("peripheralWrites").get(0).toString())
        .isEqualTo("{\"address\":1073881096,\"value\":1164378403,\"register\":\"FLASH_KEYR\"}");
    JsonNode erase = calls.get(1);
    assertThat(erase.get("result").isIntegralNumber()).isTrue();
    assertThat(erase.get("result").asLong()).isZero();
    assertThat(erase.get("stop").asText()).isEqualTo("breakpoint");
    assertThat(erase.get("instructions").asLong()).isPositive();
    assertThat(erase.get("fault").isNull()).isTrue();
    assertThat(erase.get("polling").isNull()).isTrue();
    // Erasing an erased page changes nothing.
    assertThat(erase.get("changedPages")).isEmpty();
  }

  @Test
  void programPageWithOnlyAnAddressWritesATestPatternAndShowsTheChangedPage() throws Exception {
    JsonNode calls = json("emulate", SFC, "--json", "--call", "Init:0x08000000,0,2",
        "--call", "ProgramPage:0x08008400").get("calls");
    JsonNode program = calls.get(1);
    assertThat(program.get("args").get(1).asLong()).isEqualTo(0x400);
    assertThat(program.get("result").asLong()).isZero();
    assertThat(program.get("changedPages").toString())
        .isEqualTo("{\"start\":134251520,\"size\":1024}".transform(s -> "[" + s + "]"));
  }

  @Test
  void showsTheWrongPageAnEraseReallyChanged() {
    int code = run("emulate", G4_WRONG, "--call", "Init:0x08000000,0,2",
        "--call", "ProgramPage:0x08000000", "--call", "Init:0x08000000,0,1",
        "--call", "EraseSector:0x08010000");
    assertThat(code).isZero();
    String text = out.toString();
    assertThat(text).contains("EraseSector(0x08010000) -> 0x00000000")
        .contains("changed 0x08000000..0x08000800 (0x800 bytes)")
        .contains("FLASH_CR");
  }

  @Test
  void namesTheFaultingAccessWhenAPeripheralIsMissing() throws Exception {
    // Without a flash model nothing is at FLASH, so the algorithm's first status read faults.
    JsonNode report = json("emulate", G4, "--json", "--model", "none", "--call", "Init");
    JsonNode init = report.get("calls").get(0);
    assertThat(init.get("stop").asText()).isEqualTo("fault");
    assertThat(init.get("result").isNull()).isTrue();
    assertThat(init.at("/fault/kind").asText()).isEqualTo("BUS_ERROR");
    assertThat(init.at("/fault/address").asLong()).isEqualTo(0x4002_2010L);
    assertThat(run("emulate", G4, "--model", "none", "--call", "Init"))
        .isEqualTo(ExitCode.TARGET.code());
  }

  @Test
  void permissiveBusLetsTheAlgorithmRunAgainstNothing() throws Exception {
    JsonNode init = json("emulate", G4, "--json", "--model", "none", "--permissive",
        "--call", "Init").get("calls").get(0);
    assertThat(init.get("stop").asText()).isEqualTo("breakpoint");
    // Plain memory never unlocks: Init reads LOCK as 0 and reports success.
    assertThat(init.get("result").asLong()).isZero();
  }

  @Test
  void namesTheAddressAHungCallKeepsPolling() throws Exception {
    // Our nRF52 algorithm waits for NVMC READY; on a permissive bus without the NVMC model it reads
    // 0 for ever. The write to CONFIG is still shown, without a register name.
    JsonNode erase = json("emulate", NRF52, "--json", "--model", "none", "--permissive",
        "--max-instructions", "100000", "--call", "EraseSector:0x1000").get("calls").get(0);
    assertThat(erase.get("stop").asText()).isEqualTo("limit");
    assertThat(erase.get("instructions").asLong()).isEqualTo(100_000);
    assertThat(erase.get("polling").asLong()).isEqualTo(0x4001_E400L);
    assertThat(erase.get("diagnosis").asText()).contains("kept polling 0x4001E400");
    assertThat(erase.get("peripheralWrites").get(0).toString())
        .isEqualTo("{\"address\":1073865988,\"value\":2,\"register\":null}");
    assertThat(run("emulate", NRF52, "--model", "none", "--permissive", "--max-instructions",
        "100000", "--call", "EraseSector:0x1000")).isEqualTo(ExitCode.TARGET.code());
    assertThat(out.toString()).contains("hung polling 0x4001E400")
        .contains("why: no return after 100,000 instructions");
  }

  @Test
  void runsAnOptionByteAlgorithmOnItsDevice() throws Exception {
    // ST's STM32WB option-byte algorithm at 0x1FFF8000, on the device of its own descriptor.
    Path flm = Path.of(System.getProperty("packs.shared")).resolve("data/flm/STM32WBxx_DFP");
    JsonNode report = json("emulate", flm.resolve("STM32WB55x_35x_M4_OPT.FLM").toString(),
        "--json", "--pack", flm.resolve("Keil.STM32WBxx_DFP.2.0.2-dev-tag.pdsc").toString(),
        "--device", "STM32WB55CGUx", "--call", "Init:0x1FFF8000,0,2", "--call",
        "ProgramPage:0x1FFF8000", "--call", "UnInit:2");
    assertThat(report.at("/model").asText()).isEqualTo("STM32WB");
    for (JsonNode call : report.get("calls")) {
      assertThat(call.get("result").asLong()).as(call.toString()).isZero();
      assertThat(call.get("diagnosis").isNull()).isTrue();
    }
    assertThat(report.at("/calls/1/changedPages/0/start").asLong()).isEqualTo(0x1FFF_8000L);
  }

  @Test
  void erasesAndProgramsThroughTheNordicModel() throws Exception {
    JsonNode calls = json("emulate", NRF52, "--json", "--call", "Init:0,0,1", "--call",
        "EraseSector:0x2000", "--call", "Init:0,0,2", "--call", "ProgramPage:0x2000").get("calls");
    assertThat(calls.get(1).at("/peripheralWrites/1/register").asText())
        .isEqualTo("NVMC_ERASEPAGE");
    assertThat(calls.get(3).get("result").asLong()).isZero();
    assertThat(calls.get(3).get("changedPages").toString())
        .isEqualTo("[{\"start\":8192,\"size\":4096}]");
  }

  @Test
  void usesDataFromAFileForProgramPage(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("page.bin");
    Files.write(data, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
    JsonNode program = json("emulate", G4, "--json", "--data", data.toString(),
        "--call", "Init:0x08000000,0,2", "--call", "ProgramPage:0x08000800").get("calls").get(1);
    assertThat(program.get("args").get(1).asLong()).isEqualTo(8);
    assertThat(program.get("changedPages").get(0).get("start").asLong()).isEqualTo(0x0800_0800L);
  }

  @Test
  void takesRamCoreAndModelFromADeviceOfAPack(@TempDir Path packRoot) throws Exception {
    // Keil's STM32G4 pack 1.1.0 describes the STM32G431KBTx: 32 KiB of RAM at 0x20000000.
    String pdsc = Path.of(System.getProperty("packs.shared"))
        .resolve("data/pdsc/Keil.STM32G4xx_DFP.1.1.0.pdsc").toString();
    JsonNode report = json("emulate", G4, "--json", "--pack-root", packRoot.toString(),
        "--pack", pdsc, "--device", "STM32G431KBTx", "--call", "Init", "--call",
        "EraseSector:0x08000800");
    assertThat(report.get("device").asText()).isEqualTo("STM32G431KBTx");
    assertThat(report.get("model").asText()).isEqualTo("STM32G4");
    assertThat(report.at("/layout/stackTop").asLong()).isEqualTo(0x2000_8000L);
    assertThat(report.at("/calls/1/result").asLong()).isZero();
  }

  @Test
  void aMissingDeviceIsNotFound(@TempDir Path packRoot) {
    assertThat(run("emulate", G4, "--pack-root", packRoot.toString(), "--device", "NOPE123"))
        .isEqualTo(ExitCode.NOT_FOUND.code());
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void badOptionValuesAreUsageErrorsNamingTheOption() {
    // Each was an IllegalArgumentException from a parser; now picocli reports it against its option.
    assertThat(run("emulate", SFC, "--ram", "0x20000000")).isEqualTo(ExitCode.USAGE.code());
    assertThat(err.toString()).contains("--ram").contains("expected START:SIZE");
    assertThat(run("emulate", SFC, "--ram", "0x20000000:0")).isEqualTo(ExitCode.USAGE.code());
    assertThat(err.toString()).contains("at least one byte");
    assertThat(run("emulate", SFC, "--core", "Cortex-M99")).isEqualTo(ExitCode.USAGE.code());
    assertThat(err.toString()).contains("--core").contains("unknown core 'Cortex-M99'");
    assertThat(run("emulate", SFC, "--model", "STM32F9")).isEqualTo(ExitCode.USAGE.code());
    assertThat(err.toString()).contains("--model").contains("unknown flash model 'STM32F9'");
    assertThat(run("emulate", SFC, "--call", "Init:1,2,3,4")).isEqualTo(ExitCode.USAGE.code());
    assertThat(err.toString()).contains("--call").contains("Init takes at most 3 arguments, not 4");
  }

  @Test
  void ramOverlappingTheAlgorithmsFlashIsAUsageError() {
    // The SFC algorithm's flash starts at 0x08000000; RAM there once failed inside the emulator's builder.
    assertThat(run("emulate", SFC, "--ram", "0x08000000:0x1000")).isEqualTo(ExitCode.USAGE.code());
    assertThat(err.toString()).contains("--ram").contains("overlaps the algorithm's flash");
  }

  @Test
  void callingAFunctionTheAlgorithmLacksIsAUsageError() {
    // sfc_m4_Os has no BlankCheck (see FlmLoaderTest).
    assertThat(run("emulate", SFC, "--call", "BlankCheck")).isEqualTo(ExitCode.USAGE.code());
    assertThat(err.toString()).contains("has no BlankCheck function").doesNotContain("internal error");
  }

  @Test
  void rejectsAnUnknownFunction() {
    assertThat(run("emulate", G4, "--call", "Frobnicate:1")).isEqualTo(ExitCode.USAGE.code());
    assertThat(err.toString()).contains("unknown flash-algorithm function 'Frobnicate'");
  }

  @Test
  void runsTheDefaultEraseAndProgramSequenceWhenNoCallIsGiven() {
    assertThat(run("emulate", SFC)).isZero();
    assertThat(out.toString()).contains("Init(0x08000000, 0x00000000, 0x00000002)")
        .contains("ProgramPage(0x08000000, 0x00000400, 0x")
        .contains("(256 times)");
  }

  @Test
  void flashDeviceCoveringTheWholeAddressSpaceIsTheFilesFaultExit1NamingFileAndField() throws Exception {
    // The attack: the SFC algorithm with DevAdr 0 and szDev 0xFFFFFFFF; it used to exit 2 with
    // "bad region size 0xFFFFFFFF at 0x00000000" and no file named.
    byte[] flm = Files.readAllBytes(REPO.resolve(SFC));
    byte[] name = "PACKS SFC 128KB Flash".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    int device = -1;
    for (int i = 0; i + name.length <= flm.length && device < 0; i++) {
      if (java.util.Arrays.equals(flm, i, i + name.length, name, 0, name.length)) {
        device = i - 2; // FlashDevice: version u16, then the name
      }
    }
    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(flm).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    b.putInt(device + 132, 0).putInt(device + 136, 0xFFFF_FFFF);
    Path broken = temp.resolve("whole_space.flm");
    Files.write(broken, flm);
    assertThat(run("emulate", broken.toString())).isEqualTo(ExitCode.FAILURE.code());
    assertThat(err.toString()).isEqualTo("packs: " + broken + ": FlashDevice szDev 0xFFFFFFFF: the flash"
        + " 0x00000000..0xFFFFFFFE would reach into the Cortex-M system space at 0xE0000000" + System.lineSeparator());
    assertThat(out.toString()).isEmpty();
  }
}
