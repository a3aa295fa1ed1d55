package dev.packs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
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
}
