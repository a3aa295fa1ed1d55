package dev.packs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.packs.probe.ProbeInfo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * {@code packs probes} on the build machines, which have no USB bus at all: libusb and hidapi find
 * nothing (or cannot start), and the command must say so and succeed, never crash.
 */
class ProbesCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    Services services = new Services(Map.of(), Path.of("."), Clock.systemUTC(), false);
    return PacksCommand.create(new PrintWriter(out, true), new PrintWriter(err, true), services)
        .execute(args);
  }

  @Test
  void saysNoProbeWasFoundAndSucceedsWithoutUsb() {
    assertThat(run("probes")).isZero();
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).contains("packs: no debug probe found").doesNotContain("Exception");
  }

  @Test
  void printsAnEmptyJsonArrayWithoutUsb() {
    assertThat(run("probes", "--json")).isZero();
    assertThat(out.toString().strip()).isEqualTo("[ ]");
    assertThat(err.toString()).doesNotContain("Exception");
  }

  @Test
  void listsAnStLinkWithItsFirmwareAndTargetVoltageBesideACmsisDapProbe() throws Exception {
    // What the drivers report for a NUCLEO-G431KB's STLINK-V3E and a Raspberry Pi debug probe (no voltage).
    List<ProbeInfo> probes = List.of(
        new ProbeInfo("stlink", "STMicroelectronics", "STLINK-V3", "004800283132510A33353532", "V3J2M1", "V3",
            0x0483, 0x374E, OptionalDouble.of(3.2987)),
        new ProbeInfo("cmsis-dap", "Raspberry Pi", "Debug Probe (CMSIS-DAP)", "E6614103E7452D2F", "2.1.0", "v2",
            0x2E8A, 0x000C, OptionalDouble.empty()));
    PrintWriter text = new PrintWriter(out, true);
    ProbesCommand.print(probes, false, text, new PrintWriter(err, true));
    assertThat(out.toString().lines().toList()).containsExactly(
        "PROBE                            VENDOR              PRODUCT                  VERSION  USB           TARGET",
        "stlink:004800283132510A33353532  STMicroelectronics  STLINK-V3                V3J2M1   V3 0483:374e  3.30 V",
        "cmsis-dap:E6614103E7452D2F       Raspberry Pi        Debug Probe (CMSIS-DAP)  2.1.0    v2 2e8a:000c  -");

    StringWriter json = new StringWriter();
    ProbesCommand.print(probes, true, new PrintWriter(json, true), new PrintWriter(err, true));
    JsonNode stlink = new ObjectMapper().readTree(json.toString()).get(0);
    assertThat(stlink.get("probe").asText()).isEqualTo("stlink:004800283132510A33353532");
    assertThat(stlink.get("version").asText()).isEqualTo("V3J2M1");
    assertThat(stlink.get("protocol").asText()).isEqualTo("V3");
    assertThat(stlink.get("usb").asText()).isEqualTo("0483:374e");
    assertThat(stlink.get("targetVoltage").asDouble()).isEqualTo(3.30);
    assertThat(new ObjectMapper().readTree(json.toString()).get(1).get("targetVoltage").isNull()).isTrue();
    assertThat(err.toString()).isEmpty();
  }
}
