package dev.packs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectCommandsTest {
  // Our own STM32G4 algorithm: the local fix users point overrides at.
  private static final Path G4 =
      Path.of(System.getProperty("packs.repo", "..")).resolve("test-algorithms/stm32g4/build/packs_stm32g4_128k.flm");

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(Path workingDir, String... args) {
    Services services = new Services(
        Map.of("HOME", dir.resolve("home").toString(), "CMSIS_PACK_ROOT", dir.resolve("root").toString()),
        workingDir, Clock.systemUTC(), false);
    return PacksCommand.create(new PrintWriter(out, true), new PrintWriter(err, true), services).execute(args);
  }

  @Test
  void pinEditsTheNearestPacksYamlAndKeepsComments() throws Exception {
    Path project = Files.createDirectories(dir.resolve("proj"));
    Path yaml = project.resolve("packs.yaml");
    Files.writeString(yaml, "# lab config\ntargets:\n  stm32g431kbtx:   # bench 3\n    algorithm: X\n");

    int code = run(Files.createDirectories(project.resolve("src")), "pin", "stm32g431kbtx", "Keil::STM32G4xx_DFP@1.2.0");

    assertThat(code).isEqualTo(ExitCode.OK.code());
    assertThat(Files.readString(yaml)).isEqualTo(
        "# lab config\ntargets:\n  stm32g431kbtx:   # bench 3\n    algorithm: X\n    pack: Keil::STM32G4xx_DFP@1.2.0\n");
    assertThat(err.toString()).contains("stm32g431kbtx pinned to Keil::STM32G4xx_DFP@1.2.0 in " + yaml);
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void duplicateKeyInPacksYamlIsAUsageErrorNamingBothLines() throws Exception {
    // Two 'algorithm:' lines: the second used to win silently.
    Path yaml = dir.resolve("packs.yaml");
    Files.writeString(yaml, "targets:\n  stm32g431kbtx:\n    algorithm: A\n    algorithm: B\n");
    assertThat(run(dir, "pin", "stm32g431kbtx", "Keil::STM32G4xx_DFP@1.2.0")).isEqualTo(ExitCode.USAGE.code());
    assertThat(err.toString()).isEqualTo("packs: " + yaml + ": targets.stm32g431kbtx.algorithm: key 'algorithm' appears twice,"
        + " at line 3 and at line 4; keep one" + System.lineSeparator());
    assertThat(Files.readString(yaml)).isEqualTo("targets:\n  stm32g431kbtx:\n    algorithm: A\n    algorithm: B\n");
  }

  @Test
  void malformedPinIsAUsageError() {
    assertThat(run(dir, "pin", "stm32g431kbtx", "STM32G4xx_DFP")).isEqualTo(ExitCode.USAGE.code());
    assertThat(err.toString()).contains("expected Vendor::Name@Version");
    assertThat(dir.resolve("packs.yaml")).doesNotExist();
  }

  @Test
  void overrideRecordsThePathRelativeToTheConfigAndResetForgetsIt() throws Exception {
    Path algos = Files.createDirectories(dir.resolve("algos"));
    Files.copy(G4, algos.resolve("fixed.flm"));
    Files.writeString(dir.resolve("packs.yaml"), "targets:\n  stm32g431kbtx:\n    pack: Keil::STM32G4xx_DFP@1.2.0\n");

    assertThat(run(algos, "algo", "override", "stm32g431kbtx", "fixed.flm", "--region", "0x08000000"))
        .isEqualTo(ExitCode.OK.code());
    assertThat(Files.readString(dir.resolve("packs.yaml"))).isEqualTo(
        "targets:\n  stm32g431kbtx:\n    pack: Keil::STM32G4xx_DFP@1.2.0\n    flm:\n      0x08000000: algos/fixed.flm\n");

    assertThat(run(dir, "algo", "reset", "stm32g431kbtx")).isEqualTo(ExitCode.OK.code());
    assertThat(Files.readString(dir.resolve("packs.yaml")))
        .isEqualTo("targets:\n  stm32g431kbtx:\n    pack: Keil::STM32G4xx_DFP@1.2.0\n");
  }

  @Test
  void overrideWithAMissingFileIsNotFoundAndWritesNothing() {
    assertThat(run(dir, "algo", "override", "stm32g431kbtx", "nope.flm")).isEqualTo(ExitCode.NOT_FOUND.code());
    assertThat(err.toString()).contains("nope.flm does not exist");
    assertThat(dir.resolve("packs.yaml")).doesNotExist();
  }

  @Test
  void badRegionAddressIsAUsageError() throws Exception {
    Files.copy(G4, dir.resolve("a.flm"));
    assertThat(run(dir, "algo", "override", "t", "a.flm", "--region", "bank2")).isEqualTo(ExitCode.USAGE.code());
    assertThat(err.toString()).contains("'bank2' is not a 32-bit address");
  }

  @Test
  void algoUseCreatesTheConfigInTheWorkingFolder() throws Exception {
    assertThat(run(dir, "algo", "use", "stm32g431kbtx", "STM32G4xx_128")).isEqualTo(ExitCode.OK.code());
    assertThat(Files.readString(dir.resolve("packs.yaml")))
        .isEqualTo("targets:\n  stm32g431kbtx:\n    algorithm: STM32G4xx_128\n");
  }

  @Test
  void resolveWithoutAConfigSaysHowToStart() {
    assertThat(run(dir, "resolve")).isEqualTo(ExitCode.USAGE.code());
    assertThat(err.toString()).contains("no packs.yaml").contains("packs pin TARGET PACK_ID");
  }

  @Test
  void overrideWithAFileThatIsNotAnFlmFailsAndWritesNothing() throws Exception {
    Files.writeString(dir.resolve("readme.flm"), "just text");

    assertThat(run(dir, "algo", "override", "stm32g431kbtx", "readme.flm")).isEqualTo(ExitCode.FAILURE.code());
    assertThat(err.toString()).contains("readme.flm");
    assertThat(dir.resolve("packs.yaml")).doesNotExist();
  }

  @Test
  void anEmptyTargetNameIsAUsageErrorNotABug(@org.junit.jupiter.api.io.TempDir Path dir) {
    // An empty shell variable as the target used to reach a record's validation and exit 70.
    assertThat(run(dir, "pin", "", "Keil::STM32G4xx_DFP@1.2.0")).isEqualTo(ExitCode.USAGE.code());
    assertThat(err.toString()).contains("target name must not be empty").doesNotContain("internal error");
  }
}
