package dev.packs.project.internal.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.packs.cache.PackRoot;
import dev.packs.project.ProjectConfig;
import dev.packs.project.ProjectException;
import dev.packs.project.ResolvedTarget;
import dev.packs.project.ResolvedTarget.FlashRegion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resolution over real descriptors laid out as installed packs, read through the device database. */
class PackRootDevicesTest {
  private static final Path PDSC = Path.of(System.getProperty("packs.shared", "../../shared")).resolve("data/pdsc");
  private static final Path FLM = Path.of(System.getProperty("packs.repo", ".."))
      .resolve("test-algorithms/build/sfc_m0_Os.flm");

  @TempDir Path dir;
  private PackRoot root;

  @BeforeEach
  void installDescriptors() throws Exception {
    root = new PackRoot(dir.resolve("root"));
    // devtools' duplicate-algorithm test pack: family and device list algorithms for the same ranges.
    install("devtools-TestVendor.DuplicateFlashAlgo.pdsc", "TestVendor", "TestDuplicateFlashAlgo", "1.0.0");
    // pyOCD's alias test: the only algorithm lies over a read-write alias, not a flash memory.
    install("pyocd-test-Test2_algo_overlaps_alias.pdsc", "NXP", "LPC55S36_DFP", "1.0.0");
    // HDSC lists a Keil FLM and an IAR .flash file, both default, for the same range.
    install("HDSC.HC32F120.1.0.2.pdsc", "HDSC", "HC32F120", "1.0.2");
  }

  private void install(String pdsc, String vendor, String name, String version) throws Exception {
    Path packDir = Files.createDirectories(root.installDir(vendor, name, version));
    String text = Files.readString(PDSC.resolve(pdsc));
    Files.writeString(packDir.resolve(vendor + "." + name + ".pdsc"), text);
    Matcher m = Pattern.compile("algorithm[^>]* name=\"([^\"]+)\"").matcher(text);
    while (m.find()) {
      Path file = packDir.resolve(m.group(1).replace('\\', '/'));
      Files.createDirectories(file.getParent());
      if (!Files.exists(file)) {
        Files.copy(FLM, file);
      }
    }
  }

  private ResolvedTarget resolve(String target) {
    return new Resolution(ProjectConfig.none(), new PackRootDevices(root).candidates(target), AlgorithmFiles.parsing())
        .resolve(target);
  }

  @Test
  void familyAndDeviceAlgorithmsForOneRangeAreAnErrorNamingBoth() {
    assertThatThrownBy(() -> resolve("testdevice6"))
        .isInstanceOfSatisfying(ProjectException.AmbiguousAlgorithm.class,
            e -> assertThat(e.candidates()).containsExactlyInAnyOrder("ARMCMx_512.FLM", "ARMCMx_Low_256.FLM"))
        .hasMessageContaining("packs algo use testdevice6 NAME");
  }

  @Test
  void sameFileListedAtFamilyAndDeviceLevelIsOneCandidate() {
    ResolvedTarget t = resolve("TestDevice7");

    assertThat(t.flashRegions()).extracting(FlashRegion::name, FlashRegion::start)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("IROM1", 0L),
            org.assertj.core.groups.Tuple.tuple("IROM2", 0x4_0000L));
    assertThat(t.flashRegions()).extracting(r -> r.algorithm().orElseThrow().file())
        .containsExactly("Flash/ARMCMx_512.FLM", "Flash/ARMCMx_512.FLM");
  }

  @Test
  void algorithmOverAnAliasGetsARegionOfItsOwnWithThePackRam() {
    ResolvedTarget t = resolve("lpc55s36");

    FlashRegion only = t.flashRegions().get(0);
    assertThat(List.of(only.name(), only.start(), only.size()))
        .containsExactly("LPC553XX_S_256.FLM", 0x1000_0000L, 0x4_0000L);
    assertThat(only.algorithm().orElseThrow().ram().orElseThrow().start()).isEqualTo(0x2000_0000L);
  }

  @Test
  void variantNameResolvesToTheVariant() {
    assertThat(resolve("lpc55s36jbd100").device()).isEqualTo("LPC55S36JBD100");
  }

  @Test
  void deviceKnownOnlyFromTheWebNamesThePackToInstall() throws Exception {
    Files.createDirectories(root.webDir());
    Files.copy(PDSC.resolve("Keil.STM32G4xx_DFP.1.1.0.pdsc"), root.webDescriptor("Keil", "STM32G4xx_DFP"));

    assertThatThrownBy(() -> resolve("stm32g431kbtx"))
        .isInstanceOf(ProjectException.PackNotInstalled.class)
        .hasMessageContaining("packs install Keil::STM32G4xx_DFP");
  }

  @Test
  void iarAlgorithmsAreNotCandidates() {
    ResolvedTarget t = resolve("hc32f120f6ta");

    assertThat(t.flashRegions()).hasSize(1);
    assertThat(t.flashRegions().get(0).algorithm().orElseThrow().file()).isEqualTo("FlashARM/HC32F120.FLM");
  }
}
