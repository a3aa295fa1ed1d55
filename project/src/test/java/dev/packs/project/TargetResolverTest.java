package dev.packs.project;

import dev.packs.cache.AlgorithmCacheListener;
import static org.assertj.core.api.Assertions.assertThat;

import dev.packs.cache.PackRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetResolverTest {
  // The real STM32G4 descriptor, installed by hand; our SFC algorithm stands in for the vendor's.
  private static final Path PDSC = Path.of(System.getProperty("packs.shared", "../../shared"))
      .resolve("data/pdsc/Keil.STM32G4xx_DFP.1.1.0.pdsc");
  private static final Path FLM = Path.of(System.getProperty("packs.repo", ".."))
      .resolve("test-algorithms/build/sfc_m4_Os.flm");

  @TempDir Path dir;
  private PackRoot root;
  private final List<String> opened = new ArrayList<>();
  private final AlgorithmCacheListener listener = new AlgorithmCacheListener() {
    @Override
    public void sourceOpened(String source) {
      opened.add(source);
    }
  };

  @BeforeEach
  void install() throws Exception {
    root = new PackRoot(dir.resolve("root"));
    Path packDir = Files.createDirectories(root.installDir("Keil", "STM32G4xx_DFP", "1.1.0"));
    String text = Files.readString(PDSC);
    Files.writeString(packDir.resolve("Keil.STM32G4xx_DFP.pdsc"), text);
    Matcher m = Pattern.compile("<algorithm name=\"([^\"]+)\"").matcher(text);
    while (m.find()) {
      Path file = packDir.resolve(m.group(1));
      Files.createDirectories(file.getParent());
      if (!Files.exists(file)) {
        Files.copy(FLM, file);
      }
    }
  }

  @Test
  void secondResolutionOpensNoAlgorithmFile() {
    ResolvedTarget first = new TargetResolver(root, ProjectConfig.none(), listener).resolve("stm32g431kbtx");
    assertThat(opened).containsExactly(first.flashRegions().get(0).algorithm().orElseThrow().path().toString());

    opened.clear();
    ResolvedTarget second = new TargetResolver(root, ProjectConfig.none(), listener).resolve("stm32g431kbtx");

    assertThat(opened).isEmpty();
    assertThat(second).isEqualTo(first);
  }

  @Test
  void editedAlgorithmFileIsReadAgain() throws Exception {
    ResolvedTarget first = new TargetResolver(root, ProjectConfig.none(), listener).resolve("stm32g431kbtx");
    Path flm = first.flashRegions().get(0).algorithm().orElseThrow().path();
    Files.write(flm, Files.readAllBytes(Path.of(System.getProperty("packs.repo", ".."))
        .resolve("test-algorithms/build/sfc_m4_O2.flm")));
    opened.clear();

    ResolvedTarget second = new TargetResolver(root, ProjectConfig.none(), listener).resolve("stm32g431kbtx");

    assertThat(opened).containsExactly(flm.toString());
    assertThat(second.flashRegions().get(0).algorithm().orElseThrow().sha256())
        .isNotEqualTo(first.flashRegions().get(0).algorithm().orElseThrow().sha256());
  }
}
