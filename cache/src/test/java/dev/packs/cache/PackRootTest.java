package dev.packs.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PackRootTest {
  private static final Path HOME = Path.of("/home/dev");

  @Test
  void optionWinsOverEnvironment() {
    PackRoot root =
        PackRoot.locate(Optional.of(Path.of("/opt/packs")), Map.of("CMSIS_PACK_ROOT", "/env"), "Linux", HOME);
    assertThat(root.path()).isEqualTo(Path.of("/opt/packs"));
  }

  @Test
  void environmentWinsOverDefault() {
    PackRoot root = PackRoot.locate(Optional.empty(), Map.of("CMSIS_PACK_ROOT", "/env"), "Linux", HOME);
    assertThat(root.path()).isEqualTo(Path.of("/env"));
  }

  @Test
  void defaultFollowsXdgCacheHome() {
    assertThat(PackRoot.locate(Optional.empty(), Map.of("XDG_CACHE_HOME", "/xdg"), "Linux", HOME).path())
        .isEqualTo(Path.of("/xdg/arm/packs"));
    assertThat(PackRoot.locate(Optional.empty(), Map.of(), "Linux", HOME).path())
        .isEqualTo(Path.of("/home/dev/.cache/arm/packs"));
  }

  @Test
  void windowsDefaultIsUnderLocalAppData() {
    PackRoot root =
        PackRoot.locate(Optional.empty(), Map.of("LOCALAPPDATA", "/appdata"), "Windows 11", HOME);
    assertThat(root.path()).isEqualTo(Path.of("/appdata/Arm/Packs"));
  }

  @Test
  void layoutMatchesCpackget() {
    PackRoot root = new PackRoot(Path.of("/r"));
    assertThat(root.publicIndex()).isEqualTo(Path.of("/r/.Web/index.pidx"));
    assertThat(root.webDescriptor("Keil", "STM32G4xx_DFP")).isEqualTo(Path.of("/r/.Web/Keil.STM32G4xx_DFP.pdsc"));
    assertThat(root.downloadedPack("Keil", "STM32G4xx_DFP", "2.0.0+b1"))
        .isEqualTo(Path.of("/r/.Download/Keil.STM32G4xx_DFP.2.0.0.pack"));
    assertThat(root.installDir("Keil", "STM32G4xx_DFP", "2.0.0+b1"))
        .isEqualTo(Path.of("/r/Keil/STM32G4xx_DFP/2.0.0"));
    assertThat(root.localRepositoryIndex()).isEqualTo(Path.of("/r/.Local/local_repository.pidx"));
  }
}
