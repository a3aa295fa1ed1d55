package dev.packs.project.internal.config;

import dev.packs.flm.RamWindow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.packs.project.PackPin;
import dev.packs.project.ProjectConfig;
import dev.packs.project.ProjectException;
import dev.packs.project.TargetConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigEditorTest {
  // A hand-written config full of comments, odd spacing and a second target, as users keep them.
  private static final String COMMENTED =
      """
      # Lab flashing setup -- keep in sync with the wiki.
      targets:
        # The Nucleo boards on bench 3.
        STM32G431KBTx:   # the G4 that broke with DFP 1.3.0
          pack: Keil::STM32G4xx_DFP@1.3.0   # was 1.3.0, see ticket 42
          # algorithm: STM32G4xx_128

        nrf52840_xxaa:
          ram:
            start: 0x20000000  # leave the first 64K to the app
            size: 0x4000
      # end of targets
      """;

  @TempDir Path dir;

  private Path write(String text) throws Exception {
    Path file = dir.resolve("packs.yaml");
    Files.writeString(file, text);
    return file;
  }

  @Test
  void pinReplacesOnlyTheValueAndKeepsEveryComment() throws Exception {
    Path file = write(COMMENTED);

    ConfigEditor.update(file, "stm32g431kbtx", t -> t.withPack(PackPin.parse("Keil::STM32G4xx_DFP@1.2.0")));

    assertThat(Files.readString(file))
        .isEqualTo(COMMENTED.replace("DFP@1.3.0   # was", "DFP@1.2.0   # was"));
  }

  @Test
  void algorithmChoiceIsAddedAtTheEndOfTheTargetBlock() throws Exception {
    Path file = write(COMMENTED);

    ConfigEditor.update(file, "STM32G431KBTx", t -> t.withAlgorithm("STM32G4xx_128"));

    assertThat(Files.readString(file))
        .isEqualTo(
            COMMENTED.replace(
                "see ticket 42\n",
                "see ticket 42\n    algorithm: STM32G4xx_128\n"));
  }

  @Test
  void overrideOfARegionTurnsAnInlineFlmIntoAMapping() throws Exception {
    Path file = write("targets:\n  foo:\n    flm: a.flm # keep\n    pack: A::B\n");

    ProjectConfig after = ConfigEditor.update(file, "foo", t -> t.withFlm(Optional.of(0x0804_0000L), "b.flm"));

    assertThat(Files.readString(file))
        .isEqualTo("targets:\n  foo:\n    pack: A::B\n    flm:\n      default: a.flm\n      0x08040000: b.flm\n");
    assertThat(after.target("foo").orElseThrow().regionFlm()).containsEntry(0x0804_0000L, "b.flm");
  }

  @Test
  void resetRemovesChoicesButKeepsPinRamAndComments() throws Exception {
    Path file = write(COMMENTED);
    ConfigEditor.update(file, "nrf52840_xxaa", t -> t.withAlgorithm("nrf52xxx").withFlm(Optional.of(0x1000_1000L), "uicr.flm"));

    ConfigEditor.update(file, "nrf52840_xxaa", TargetConfig::withoutAlgorithmChoices);

    assertThat(Files.readString(file)).isEqualTo(COMMENTED);
  }

  @Test
  void createsTheFileAndTargetWhenAbsent() throws Exception {
    Path file = dir.resolve("new/packs.yaml");

    ConfigEditor.update(file, "stm32g431kbtx", t -> t.withFlm(Optional.empty(), "my algos/fixed G4.flm"));

    assertThat(Files.readString(file))
        .isEqualTo("targets:\n  stm32g431kbtx:\n    flm: \"my algos/fixed G4.flm\"\n");
  }

  @Test
  void ramWindowIsWrittenInHex() throws Exception {
    Path file = write("targets:\n    foo: {}\n");

    ConfigEditor.update(file, "foo", t -> new TargetConfig(t.name(), t.pack(), t.algorithm(), t.defaultFlm(), t.regionFlm(), Optional.of(new RamWindow(0x2000_0000L, 0x1000))));

    assertThat(Files.readString(file))
        .isEqualTo("targets:\n    foo:\n        ram:\n            start: 0x20000000\n            size: 0x00001000\n");
  }

  @Test
  void keepsWindowsLineEndings() throws Exception {
    Path file = write("# c\r\ntargets:\r\n  foo:\r\n    algorithm: A\r\n");

    ConfigEditor.update(file, "foo", t -> t.withAlgorithm("B"));

    assertThat(Files.readString(file)).isEqualTo("# c\r\ntargets:\r\n  foo:\r\n    algorithm: B\r\n");
  }

  @Test
  void refusesToRewriteAFlowMappingAndLeavesTheFileAlone() throws Exception {
    String text = "targets: {foo: {algorithm: A}}  # compact\n";
    Path file = write(text);

    assertThatThrownBy(() -> ConfigEditor.update(file, "foo", t -> t.withAlgorithm("B")))
        .isInstanceOf(ProjectException.CannotEdit.class)
        .hasMessageContaining("line 1")
        .hasMessageContaining("flow mapping");
    assertThat(Files.readString(file)).isEqualTo(text);
  }

  @Test
  void quotesValuesYamlWouldReadAsSomethingElse() {
    assertThat(YamlLine.scalar("Keil::STM32G4xx_DFP@1.2.0")).isEqualTo("Keil::STM32G4xx_DFP@1.2.0");
    assertThat(YamlLine.scalar("yes")).isEqualTo("\"yes\"");
    assertThat(YamlLine.scalar("1.10")).isEqualTo("\"1.10\"");
    assertThat(YamlLine.scalar("C:\\algos\\x.flm")).isEqualTo("\"C:\\\\algos\\\\x.flm\"");
  }
}
