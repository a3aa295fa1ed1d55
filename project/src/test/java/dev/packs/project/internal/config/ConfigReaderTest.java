package dev.packs.project.internal.config;

import dev.packs.flm.RamWindow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.packs.project.PackPin;
import dev.packs.project.ProjectConfig;
import dev.packs.project.ProjectException;
import dev.packs.project.TargetConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigReaderTest {
  private static final Path FILE = Path.of("/proj/packs.yaml");

  @Test
  void readsEveryTargetField() {
    ProjectConfig config =
        ConfigReader.parse(
            """
            targets:
              stm32g431kbtx:
                pack: Keil::STM32G4xx_DFP@1.2.0
                algorithm: STM32G4xx_128
                flm: algos/fixed.flm
                ram: {start: 0x20000000, size: 0x8000}
            """,
            FILE);

    assertThat(config.target("STM32G431KBTX"))
        .contains(
            new TargetConfig(
                "stm32g431kbtx",
                Optional.of(new PackPin("Keil", "STM32G4xx_DFP", Optional.of("1.2.0"))),
                Optional.of("STM32G4xx_128"),
                Optional.of("algos/fixed.flm"),
                Map.of(),
                Optional.of(new RamWindow(0x2000_0000L, 0x8000))));
  }

  @Test
  void readsPerRegionOverridesKeyedByAddress() {
    ProjectConfig config =
        ConfigReader.parse(
            """
            targets:
              nrf52840_xxaa:
                flm:
                  default: a.flm
                  0x10001000: uicr.flm
                  "268435456": other.flm
            """,
            FILE);

    TargetConfig t = config.target("nrf52840_xxaa").orElseThrow();
    assertThat(t.defaultFlm()).contains("a.flm");
    assertThat(t.regionFlm()).containsExactly(Map.entry(0x1000_0000L, "other.flm"), Map.entry(0x1000_1000L, "uicr.flm"));
  }

  @Test
  void acceptsAnEmptyFileAndAnEmptyTarget() {
    assertThat(ConfigReader.parse("# nothing yet\n", FILE).targets()).isEmpty();
    assertThat(ConfigReader.parse("targets:\n  foo:\n", FILE).target("foo")).contains(TargetConfig.empty("foo"));
  }

  @Test
  void rejectsAMistypedFieldNamingFileAndField() {
    assertThatThrownBy(() -> ConfigReader.parse("targets:\n  foo:\n    algoritm: X\n", FILE))
        .isInstanceOfSatisfying(
            ProjectException.BadConfig.class,
            e -> {
              assertThat(e.file()).isEqualTo(FILE);
              assertThat(e.field()).isEqualTo("targets.foo.algoritm");
            })
        .hasMessageContaining("unknown field; expected one of algorithm, flm, pack, ram");
  }

  @Test
  void rejectsAPinWithoutVendor() {
    assertThatThrownBy(() -> ConfigReader.parse("targets:\n  foo:\n    pack: STM32G4xx_DFP\n", FILE))
        .isInstanceOf(ProjectException.BadConfig.class)
        .hasMessageContaining("targets.foo.pack")
        .hasMessageContaining("Vendor::Name@Version");
  }

  @Test
  void rejectsARamWindowWithoutSize() {
    assertThatThrownBy(() -> ConfigReader.parse("targets:\n  foo:\n    ram: {start: 0x20000000}\n", FILE))
        .isInstanceOf(ProjectException.BadConfig.class)
        .hasMessage(FILE + ": targets.foo.ram.size: is missing");
  }

  @Test
  void rejectsARegionThatIsNotANumber() {
    assertThatThrownBy(() -> ConfigReader.parse("targets:\n  foo:\n    flm:\n      boot: a.flm\n", FILE))
        .isInstanceOf(ProjectException.BadConfig.class)
        .hasMessageContaining("targets.foo.flm.boot: 'boot' is not a number");
  }

  @Test
  void rejectsTwoTargetsDifferingOnlyInCase() {
    assertThatThrownBy(() -> ConfigReader.parse("targets:\n  Foo: {}\n  foo: {}\n", FILE))
        .isInstanceOf(ProjectException.BadConfig.class)
        .hasMessageContaining("names ignore case");
  }

  @Test
  void reportsYamlSyntaxErrorsWithTheLine() {
    assertThatThrownBy(() -> ConfigReader.parse("targets:\n  foo: [unclosed\n", FILE))
        .isInstanceOf(ProjectException.BadConfig.class)
        .hasMessageContaining("not valid YAML at line");
  }

  @Test
  void aTargetGivenTwiceIsRefusedNamingTheKeyAndBothLines() {
    // The second block used to win silently, so the first one's pin was lost.
    assertThatThrownBy(() -> ConfigReader.parse(
            """
            targets:
              stm32g431kbtx:
                pack: Keil::STM32G4xx_DFP@1.2.0
              nrf52840_xxaa:
                flm: a.flm
              stm32g431kbtx:
                algorithm: STM32G4xx_128
            """,
            FILE))
        .isInstanceOfSatisfying(ProjectException.BadConfig.class, e -> assertThat(e.field()).isEqualTo("targets.stm32g431kbtx"))
        .hasMessage("/proj/packs.yaml: targets.stm32g431kbtx: key 'stm32g431kbtx' appears twice, at line 2 and at line 6; keep one");
  }

  @Test
  void aFieldGivenTwiceInOneTargetIsRefused() {
    assertThatThrownBy(() -> ConfigReader.parse(
            """
            targets:
              stm32g431kbtx:
                algorithm: STM32G4xx_128
                algorithm: STM32G4xx_OPT
            """,
            FILE))
        .hasMessage("/proj/packs.yaml: targets.stm32g431kbtx.algorithm: key 'algorithm' appears twice, at line 3 and at line 4;"
            + " keep one");
  }

  @Test
  void theSameKeyInTwoTargetsIsFine() {
    ProjectConfig config = ConfigReader.parse(
        """
        targets:
          a: {flm: a.flm}
          b: {flm: b.flm}
        """,
        FILE);
    assertThat(config.target("b").orElseThrow().defaultFlm()).contains("b.flm");
  }

  @Test
  void invalidUtf8NamesTheFileTheLineAndTheByte(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    // A Latin-1 editor's e-acute (0xE9): Files.readString said only "Input length = 1".
    Path file = dir.resolve("packs.yaml");
    java.nio.file.Files.write(file, "targets:\n  stm32g431kbtx:\n    flm: algos/caf\u00e9.flm\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> ConfigReader.read(file))
        .isInstanceOf(ProjectException.BadConfig.class)
        .hasMessage(file + ": line 3, column 19: not UTF-8 (byte 0xE9); save the file as UTF-8");
  }
}
