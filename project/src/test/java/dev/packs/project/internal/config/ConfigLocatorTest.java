package dev.packs.project.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLocatorTest {
  @TempDir Path dir;

  @Test
  void findsTheConfigOfTheNearestParent() throws Exception {
    Path project = Files.createDirectories(dir.resolve("proj"));
    Path nested = Files.createDirectories(project.resolve("src/app"));
    Files.writeString(project.resolve("packs.yaml"), "targets: {}\n");

    assertThat(ConfigLocator.find(nested, Map.of(), dir.resolve("home"))).contains(project.resolve("packs.yaml"));
  }

  @Test
  void fallsBackToTheUserConfigUnderXdgConfigHome() throws Exception {
    Path user = Files.createDirectories(dir.resolve("xdg/packs")).resolve("packs.yaml");
    Files.writeString(user, "targets: {}\n");
    Path work = Files.createDirectories(dir.resolve("work"));

    assertThat(ConfigLocator.find(work, Map.of("XDG_CONFIG_HOME", dir.resolve("xdg").toString()), dir))
        .contains(user);
  }

  @Test
  void fallsBackToDotConfigInHomeWithoutXdg() throws Exception {
    Path home = dir.resolve("home");
    Path user = Files.createDirectories(home.resolve(".config/packs")).resolve("packs.yaml");
    Files.writeString(user, "");

    assertThat(ConfigLocator.find(Files.createDirectories(dir.resolve("w")), Map.of(), home)).contains(user);
  }

  @Test
  void findsNothingWhenNoConfigExists() throws Exception {
    assertThat(ConfigLocator.find(Files.createDirectories(dir.resolve("w")), Map.of(), dir.resolve("home"))).isEmpty();
  }
}
