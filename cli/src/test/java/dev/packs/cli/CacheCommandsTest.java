package dev.packs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache commands run in-process against a pack server on 127.0.0.1. */
class CacheCommandsTest {
  @TempDir Path dir;
  PackServer server;
  Path root;
  StringWriter out;
  StringWriter err;
  final Map<String, String> env = new HashMap<>();

  @BeforeEach
  void setUp() throws Exception {
    // The STM32G4 DFP is the README's first command; the G0 DFP gives the index a second vendor pack.
    server = new PackServer(dir.resolve("docs"))
        .publish("Keil.STM32G4xx_DFP.1.1.0.pdsc", Map.of("Flash/STM32G4xx_512.FLM", new byte[4096]))
        .publish("Keil.STM32G0xx_DFP.1.3.0.pdsc", Map.of());
    root = dir.resolve("root");
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    Services services = new Services(env, dir, Clock.systemUTC(), false);
    String[] all = new String[args.length + 4];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--pack-root";
    all[args.length + 1] = root.toString();
    all[args.length + 2] = "--index-url";
    all[args.length + 3] = server.url("index.pidx").toString();
    return PacksCommand.create(new PrintWriter(out, true), new PrintWriter(err, true), services).execute(all);
  }

  @Test
  void installPrintsWhatItDidAndListShowsIt() {
    assertThat(run("install", "STM32G4xx_DFP")).isEqualTo(0);
    assertThat(out.toString()).contains("installed Keil.STM32G4xx_DFP.1.1.0 in " + root.resolve("Keil/STM32G4xx_DFP/1.1.0"));
    assertThat(run("list")).isEqualTo(0);
    assertThat(out.toString()).startsWith("Keil.STM32G4xx_DFP.1.1.0 (");
    assertThat(run("verify")).isEqualTo(0);
    assertThat(out.toString()).contains("ok Keil.STM32G4xx_DFP.1.1.0");
  }

  @Test
  void jsonOutputIsParseable() throws Exception {
    assertThat(run("install", "Keil::STM32G4xx_DFP", "--json")).isEqualTo(0);
    JsonNode actions = new ObjectMapper().readTree(out.toString());
    assertThat(actions.get(0).get("action").asText()).isEqualTo("installed");
    assertThat(actions.get(0).get("id").asText()).isEqualTo("Keil.STM32G4xx_DFP.1.1.0");
    assertThat(actions.get(0).get("sha256").asText()).hasSize(64);
    assertThat(run("update-index", "--json")).isEqualTo(0);
    assertThat(new ObjectMapper().readTree(out.toString()).get("listed").asInt()).isEqualTo(2);
  }

  @Test
  void offlineFromTheEnvironmentMakesNoRequestAndExitsWithOfflineCode() {
    env.put("PACKS_OFFLINE", "1");
    assertThat(run("install", "Keil::STM32G4xx_DFP")).isEqualTo(ExitCode.OFFLINE.code());
    assertThat(err.toString()).contains("offline:").contains(server.url("index.pidx").toString());
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void offlineFlagNamesTheMissingPackAndItsUrl() {
    assertThat(run("update-index")).isEqualTo(0);
    int before = server.requests().size();
    assertThat(run("install", "--offline", "Keil::STM32G0xx_DFP")).isEqualTo(ExitCode.OFFLINE.code());
    assertThat(err.toString()).contains("Keil.STM32G0xx_DFP.1.3.0.pack").contains(server.url("Keil.STM32G0xx_DFP.1.3.0.pack").toString());
    assertThat(server.requests()).hasSize(before);
  }

  @Test
  void unknownPackExitsNotFound() {
    assertThat(run("install", "Nobody::Nothing")).isEqualTo(ExitCode.NOT_FOUND.code());
    assertThat(err.toString()).contains("Nobody::Nothing");
  }

  @Test
  void malformedPackIdIsAUsageError() {
    assertThat(run("install", "Keil::STM32G4xx_DFP@@1")).isEqualTo(ExitCode.USAGE.code());
  }

  @Test
  void updateIndexReportsEachFailureAndExitsNonZero() throws Exception {
    Files.delete(dir.resolve("docs/Keil.STM32G0xx_DFP.pdsc"));
    assertThat(run("update-index")).isEqualTo(ExitCode.FAILURE.code());
    assertThat(err.toString()).contains("failed " + server.url("Keil.STM32G0xx_DFP.pdsc")).contains("HTTP 404");
    assertThat(out.toString()).contains("1 fetched").contains("1 failed");
  }

  @Test
  void cacheDirPrintsTheRoot() {
    assertThat(run("cache-dir")).isEqualTo(0);
    assertThat(out.toString().strip()).isEqualTo(root.toString());
  }

  @Test
  void cacheDirJsonIsValidForAnyPath() throws Exception {
    // A tab, a quote and a backslash: each must be escaped in JSON, the tab is what hand-built JSON missed.
    root = dir.resolve("pack\troot \"x\" \\y");
    assertThat(run("cache-dir", "--json")).isEqualTo(0);
    assertThat(new ObjectMapper().readTree(out.toString()).get("root").asText()).isEqualTo(root.toString());
  }

  @Test
  void badConfigValueIsAUsageErrorNamingTheFileTheKeyAndTheValue() throws Exception {
    Path config = Files.createDirectories(root.resolve(".packs")).resolve("config.properties");
    Files.writeString(config, "per-host-limit=abc\n");
    assertThat(run("list")).isEqualTo(ExitCode.USAGE.code());
    assertThat(err.toString().strip())
        .isEqualTo("packs: invalid value 'abc' for per-host-limit in " + config + ": expected a whole number of at least 1");
  }

  @Test
  void unreadableConfigFileIsAFailureNamingIt() throws Exception {
    // A folder in the file's place cannot be read, whoever runs the test.
    Path config = Files.createDirectories(root.resolve(".packs/config.properties"));
    assertThat(run("list")).isEqualTo(ExitCode.FAILURE.code());
    assertThat(err.toString()).contains(config.toString()).doesNotContain("\tat ");
  }

  @Test
  void badPacksOfflineIsAUsageErrorNamingTheVariable() {
    env.put("PACKS_OFFLINE", "sometimes");
    assertThat(run("list")).isEqualTo(ExitCode.USAGE.code());
    assertThat(err.toString()).contains("PACKS_OFFLINE").contains("'sometimes'");
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void removeThenListIsEmpty() {
    run("install", "STM32G4xx_DFP");
    assertThat(run("rm", "Keil.STM32G4xx_DFP", "--purge")).isEqualTo(0);
    assertThat(out.toString()).contains("removed Keil.STM32G4xx_DFP.1.1.0");
    assertThat(run("rm", "Keil.STM32G4xx_DFP")).isEqualTo(ExitCode.NOT_FOUND.code());
    assertThat(run("list")).isEqualTo(0);
    assertThat(out.toString()).isEmpty();
  }
}
