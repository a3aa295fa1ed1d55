package dev.packs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.packs.probe.ProbeSelector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code packs flash}, {@code read} and {@code algo test} through the two virtual probes, which run
 * every byte of the real CMSIS-DAP and ST-Link host code over the target's emulated device: the real
 * STM32G4 descriptor, our own G4 algorithm standing in for the vendor's.
 */
class VirtualProbeCommandsTest {
  private static final int SEED_OFFSET = 0xA800;

  @TempDir Path dir;

  private static byte[] random(int length, long seed) {
    byte[] data = new byte[length];
    new Random(seed).nextBytes(data);
    return data;
  }

  private static JsonNode json(G4Lab lab) throws Exception {
    return new ObjectMapper().readTree(lab.out.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"virtual-stlink", "virtual-dap"})
  void theSeedCommandFlashesThroughTheVirtualProbeAndReadsBackThroughIt(String kind) throws Exception {
    // The seed's command as written, 22 KiB (11 pages) at 0x0800A800, with the probe's flash kept in a file.
    G4Lab lab = new G4Lab(dir, G4Lab.G4);
    byte[] firmware = random(22 * 1024, 1);
    Files.write(lab.project.resolve("app.bin"), firmware);
    String probe = kind + ":flash.bin";
    assertThat(lab.run("flash", "--erase", "sector", "--base-address", "0x0800a800", "--target", "stm32g431kbtx",
        "--probe", probe, "app.bin")).as(lab.err.toString()).isZero();
    assertThat(lab.out.toString())
        .contains("flashed 22,528 bytes to stm32g431kbtx (STM32G431KBTx) on " + probe)
        .contains("11 sectors erased, 11 pages programmed, 0 skipped")
        .contains("verified;")
        .containsPattern("usb: [1-9][0-9]* packets out");
    assertThat(lab.project.resolve("flash.bin")).hasSize(128 * 1024);

    assertThat(lab.run("read", "--target", "stm32g431kbtx", "--probe", probe, "0x08000000", "0x20000", "-o",
        "back.bin")).as(lab.err.toString()).isZero();
    assertThat(lab.err.toString()).contains("on " + probe + " into back.bin");
    byte[] back = Files.readAllBytes(lab.project.resolve("back.bin"));
    assertThat(Arrays.copyOfRange(back, SEED_OFFSET, SEED_OFFSET + firmware.length)).isEqualTo(firmware);
    assertThat(Arrays.copyOfRange(back, 0, SEED_OFFSET)).containsOnly((byte) 0xFF);
    assertThat(Arrays.copyOfRange(back, SEED_OFFSET + firmware.length, back.length)).containsOnly((byte) 0xFF);
  }

  @ParameterizedTest
  @ValueSource(strings = {"virtual-stlink", "virtual-dap"})
  void jsonCarriesTheUsbTrafficOfTheFlash(String kind) throws Exception {
    // 4 KiB: two pages, enough to cross packets and answers both ways.
    G4Lab lab = new G4Lab(dir, G4Lab.G4);
    Files.write(lab.project.resolve("app.bin"), random(0x1000, 2));
    assertThat(lab.run("flash", "--target", "stm32g431kbtx", "--probe", kind, "--base-address", "0x08000000",
        "--json", "app.bin")).as(lab.err.toString()).isZero();
    JsonNode report = json(lab);
    assertThat(report.get("probe").asText()).isEqualTo(kind);
    JsonNode usb = report.get("usb");
    for (String field : new String[] {"packetSize", "packetsOut", "packetsIn", "bytesOut", "bytesIn", "waits"}) {
      assertThat(usb.get(field).isIntegralNumber()).as(field).isTrue();
      assertThat(usb.get(field).asLong()).as(field).isPositive();
    }
    assertThat(usb.get("bytesOut").asLong()).as("the image went out over USB").isGreaterThan(0x1000);
    assertThat(usb.get("bytesIn").asLong()).as("and came back to be verified").isGreaterThan(0x1000);
  }

  @Test
  void theEmulatorHasNoUsbTrafficSoItsUsbIsNull() throws Exception {
    // The same flash on the emulator: the field is there, null, so scripts can test for it.
    G4Lab lab = new G4Lab(dir, G4Lab.G4);
    Files.write(lab.project.resolve("app.bin"), random(0x800, 3));
    assertThat(lab.run("flash", "--target", "stm32g431kbtx", "--probe", "emulator", "--base-address", "0x08000000",
        "--json", "app.bin")).as(lab.err.toString()).isZero();
    assertThat(json(lab).has("usb")).isTrue();
    assertThat(json(lab).get("usb").isNull()).isTrue();
    assertThat(lab.run("flash", "--target", "stm32g431kbtx", "--probe", "emulator", "--base-address", "0x08000000",
        "app.bin")).isZero();
    assertThat(lab.out.toString()).doesNotContain("usb:");
  }

  @Test
  void theVirtualProbesAndTheEmulatorShareOneFlashFile() throws Exception {
    // Written through the ST-Link, reflashed unchanged through CMSIS-DAP, read on the emulator.
    G4Lab lab = new G4Lab(dir, G4Lab.G4);
    byte[] firmware = random(0x1800, 4);
    Files.write(lab.project.resolve("app.bin"), firmware);
    String[] flash = {"flash", "--target", "stm32g431kbtx", "--base-address", "0x08004000", "--json", "--probe"};
    assertThat(lab.run(concat(flash, "virtual-stlink:dev.bin", "app.bin"))).as(lab.err.toString()).isZero();
    assertThat(lab.run(concat(flash, "virtual-dap:dev.bin", "app.bin"))).as(lab.err.toString()).isZero();
    assertThat(json(lab).at("/regions/0/pagesSkipped").asInt()).isEqualTo(3);
    assertThat(json(lab).get("calls").asLong()).isZero();
    assertThat(lab.run("read", "--target", "stm32g431kbtx", "--probe", "emulator:dev.bin", "0x08004000", "0x1800",
        "-o", "back.bin")).as(lab.err.toString()).isZero();
    assertThat(Files.readAllBytes(lab.project.resolve("back.bin"))).isEqualTo(firmware);
  }

  @ParameterizedTest
  @ValueSource(strings = {"virtual-dap", "virtual-stlink"})
  void algoTestPassesOurG4AlgorithmThroughTheVirtualProbe(String kind) throws Exception {
    // Our correct G4 algorithm in the vendor's place: every one of the 64 sectors must pass.
    G4Lab lab = new G4Lab(dir, G4Lab.G4);
    assertThat(lab.run("algo", "test", "stm32g431kbtx", "--probe", kind)).as(lab.out + "" + lab.err).isZero();
    assertThat(lab.out.toString()).contains("on " + kind).contains("PASSED: every sector").doesNotContain("FAIL");
  }

  @Test
  void algoTestThroughTheVirtualProbeCatchesTheWrongPageAlgorithmSetByOverride() throws Exception {
    // The pack holds our correct algorithm; packs.yaml's flm: override brings in the wrong-page one.
    G4Lab lab = new G4Lab(dir, G4Lab.G4);
    Path wrong = Files.createDirectories(lab.project.resolve("algos")).resolve("wrongpage.flm");
    Files.copy(G4Lab.REPO.resolve(G4Lab.G4_WRONG_PAGE), wrong);
    assertThat(lab.run("pin", "stm32g431kbtx", "Keil::STM32G4xx_DFP@1.1.0")).as(lab.err.toString()).isZero();
    assertThat(lab.run("algo", "override", "stm32g431kbtx", "algos/wrongpage.flm")).as(lab.err.toString())
        .isZero();
    assertThat(lab.run("algo", "test", "stm32g431kbtx", "--probe", "virtual-dap")).as(lab.err.toString())
        .isEqualTo(ExitCode.TARGET.code());
    assertThat(lab.out.toString()).contains("FAILED: EraseSector(0x08010000) erased 0x08000000..0x080007FF instead"
        + " of 0x08010000..0x080107FF");
  }

  @Test
  void withoutAProbeOnAMachineWithoutUsbNothingIsFlashedAndTheMessageSaysWhatToDo() throws Exception {
    // These build machines have no USB at all: the seed's command as written finds no probe.
    G4Lab lab = new G4Lab(dir, G4Lab.G4);
    Files.write(lab.project.resolve("G4-Nucleo.bin"), random(0x800, 5));
    assertThat(lab.run("flash", "--erase", "sector", "--base-address", "0x0800a800", "--target", "stm32g431kbtx",
        "G4-Nucleo.bin")).isEqualTo(ExitCode.NOT_FOUND.code());
    assertThat(lab.err.toString()).contains("packs: no debug probe is attached; use --probe emulator")
        .contains("packs probes").doesNotContain("Exception");
    assertThat(lab.out.toString()).isEmpty();
  }

  @Test
  void aNamedUsbProbeThatIsNotAttachedIsNotFound() throws Exception {
    // stlink:SERIAL on a machine without USB: the serial is named, and nothing is written.
    G4Lab lab = new G4Lab(dir, G4Lab.G4);
    assertThat(lab.run("read", "--target", "stm32g431kbtx", "--probe", "stlink:0670FF", "0x08000000", "4", "-o",
        "x.bin")).isEqualTo(ExitCode.NOT_FOUND.code());
    assertThat(lab.err.toString()).contains("stlink with serial 0670FF");
    assertThat(lab.project.resolve("x.bin")).doesNotExist();
  }

  @Test
  void aFlashFileOfAnotherSizeIsRefusedNamingTheFile() throws Exception {
    // 64 KiB is not the G431KB's 128 KiB: the file is neither loaded nor overwritten.
    G4Lab lab = new G4Lab(dir, G4Lab.G4);
    Files.write(lab.project.resolve("half.bin"), new byte[0x1_0000]);
    assertThat(lab.run("read", "--target", "stm32g431kbtx", "--probe", "virtual-stlink:half.bin", "0x08000000", "4",
        "-o", "x.bin")).isEqualTo(ExitCode.FAILURE.code());
    assertThat(lab.err.toString()).contains("half.bin holds 0x10000 bytes").doesNotContain("Exception");
    assertThat(lab.project.resolve("half.bin")).hasSize(0x1_0000);
  }

  @Test
  void probeSpecsOfEveryKindParseWithFilesRelativeToTheWorkingFolder() {
    assertThat(ProbeSpec.parse(Optional.of("stlink"), dir)).isEqualTo(new ProbeSpec.Probe(
        new ProbeSelector.Usb(Optional.of("stlink"), Optional.empty()), "stlink"));
    assertThat(ProbeSpec.parse(Optional.of("CMSIS-DAP:E6614103"), dir)).isEqualTo(new ProbeSpec.Probe(
        new ProbeSelector.Usb(Optional.of("cmsis-dap"), Optional.of("E6614103")), "cmsis-dap:E6614103"));
    assertThat(ProbeSpec.parse(Optional.of("virtual-dap"), dir)).isEqualTo(new ProbeSpec.Probe(
        new ProbeSelector.Virtual("virtual-dap", Optional.empty()), "virtual-dap"));
    assertThat(ProbeSpec.parse(Optional.of("virtual-stlink:g4.bin"), dir)).isEqualTo(new ProbeSpec.Probe(
        new ProbeSelector.Virtual("virtual-stlink", Optional.of(dir.resolve("g4.bin"))), "virtual-stlink:g4.bin"));
    assertThatThrownBy(() -> ProbeSpec.parse(Optional.of("jlink"), dir)).isInstanceOf(UsageException.class)
        .hasMessageContaining("stlink[:SERIAL]").hasMessageContaining("virtual-stlink[:FILE]");
  }

  private static String[] concat(String[] head, String... tail) {
    String[] all = Arrays.copyOf(head, head.length + tail.length);
    System.arraycopy(tail, 0, all, head.length, tail.length);
    return all;
  }
}
