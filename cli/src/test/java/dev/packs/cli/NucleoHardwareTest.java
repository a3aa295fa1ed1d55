package dev.packs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's command on a real NUCLEO-G431KB through its on-board STLINK-V3 (excluded by default; run
 * with {@code -Dgroups=hardware}, and {@code -Dpacks.stlink.serial=...} when several ST-Links are
 * attached). It overwrites 22 KiB from 0x0800A800, so use a board whose flash may be overwritten.
 */
@Tag("hardware")
class NucleoHardwareTest {
  @TempDir Path dir;

  private static String probe() {
    String serial = System.getProperty("packs.stlink.serial", "");
    return serial.isEmpty() ? "stlink" : "stlink:" + serial;
  }

  @Test
  void theSeedCommandFlashesTheBoardAndReadsBack() throws Exception {
    // Our own G4 algorithm stands in for the vendor's (whose wrong-page erase started all this).
    G4Lab lab = new G4Lab(dir, G4Lab.G4);
    byte[] firmware = new byte[22 * 1024];
    new Random().nextBytes(firmware); // new bytes each run, so no page can be skipped as unchanged
    Files.write(lab.project.resolve("G4-Nucleo.bin"), firmware);
    assertThat(lab.run("flash", "--erase", "sector", "--base-address", "0x0800a800", "--target", "stm32g431kbtx",
        "--probe", probe(), "--json", "G4-Nucleo.bin")).as(lab.err.toString()).isZero();
    JsonNode report = new ObjectMapper().readTree(lab.out.toString());
    assertThat(report.get("probe").asText()).startsWith("stlink:");
    assertThat(report.at("/regions/0/pagesProgrammed").asInt()).isEqualTo(11);
    assertThat(report.at("/usb/packetsOut").asLong()).isPositive();

    assertThat(lab.run("read", "--target", "stm32g431kbtx", "--probe", probe(), "0x0800a800", "22528", "-o",
        "back.bin")).as(lab.err.toString()).isZero();
    assertThat(Arrays.equals(Files.readAllBytes(lab.project.resolve("back.bin")), firmware)).isTrue();
  }
}
