package dev.packs.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {
  @TempDir Path dir;

  private Path write(String text) throws Exception {
    Path file = dir.resolve(".packs/config.properties");
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }

  @Test
  void readsEverySettingTyped() throws Exception {
    // Every key the README documents, with the blanks a hand-edited file has.
    Path file = write("""
        index-url = https://mirror.example/index.pidx
        offline=TRUE
        connect-timeout-seconds=5
        read-timeout-seconds=6
        call-timeout-seconds=7
        lock-timeout-seconds = 8
        per-host-limit=2
        """);
    assertThat(ConfigFile.read(file)).isEqualTo(new ConfigFile(
        Optional.of(URI.create("https://mirror.example/index.pidx")), Optional.of(true),
        Optional.of(Duration.ofSeconds(5)), Optional.of(Duration.ofSeconds(6)), Optional.of(Duration.ofSeconds(7)),
        Optional.of(Duration.ofSeconds(8)), OptionalInt.of(2)));
  }

  @Test
  void aMissingFileSetsNothing() throws Exception {
    assertThat(ConfigFile.read(dir.resolve("none.properties"))).isEqualTo(new ConfigFile(
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        OptionalInt.empty()));
  }

  @Test
  void aValueThatDoesNotParseNamesTheFileTheKeyAndTheValue() throws Exception {
    Path file = write("per-host-limit=abc\n");
    assertThatThrownBy(() -> ConfigFile.read(file))
        .isInstanceOfSatisfying(ConfigException.class, e -> {
          assertThat(e.file()).contains(file);
          assertThat(e.key()).isEqualTo("per-host-limit");
          assertThat(e.value()).isEqualTo("abc");
        })
        .hasMessage("invalid value 'abc' for per-host-limit in " + file + ": expected a whole number of at least 1");
  }

  @Test
  void valuesOutOfRangeAreRefusedNotPassedOn() throws Exception {
    // Zero would trip CacheConfig's own check; a huge timeout overflows the HTTP client's milliseconds.
    for (String line : new String[] {"per-host-limit=0", "read-timeout-seconds=-1", "call-timeout-seconds=99999999999",
        "offline=maybe", "index-url=http://a b/index.pidx"}) {
      Path file = write(line + "\n");
      assertThatThrownBy(() -> ConfigFile.read(file)).as(line)
          .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo(line.split("=")[0]));
    }
  }

  @Test
  void anUnreadableFileIsAnIoErrorNamingIt() throws Exception {
    // A folder where the file should be cannot be read, even by root.
    Path file = dir.resolve("config.properties");
    Files.createDirectories(file);
    assertThatThrownBy(() -> ConfigFile.read(file))
        .isInstanceOfSatisfying(CacheIoException.class, e -> assertThat(e.path()).isEqualTo(file));
  }

  @Test
  void offlineFromTheEnvironmentIsAYesOrANo() throws Exception {
    assertThat(ConfigFile.offlineFromEnvironment(Map.of())).isEmpty();
    assertThat(ConfigFile.offlineFromEnvironment(Map.of("PACKS_OFFLINE", "1"))).contains(true);
    assertThat(ConfigFile.offlineFromEnvironment(Map.of("PACKS_OFFLINE", "False"))).contains(false);
    assertThatThrownBy(() -> ConfigFile.offlineFromEnvironment(Map.of("PACKS_OFFLINE", "maybe")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("invalid value 'maybe' for PACKS_OFFLINE in the environment: expected true or false");
  }
}
