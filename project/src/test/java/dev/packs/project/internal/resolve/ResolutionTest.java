package dev.packs.project.internal.resolve;

import dev.packs.flm.RamWindow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.packs.project.ProjectConfig;
import dev.packs.project.ProjectException;
import dev.packs.project.ResolvedTarget;
import dev.packs.project.ResolvedTarget.Reason;
import dev.packs.project.TargetConfig;
import dev.packs.project.internal.config.ConfigReader;
import dev.packs.project.internal.resolve.DeviceEntry.AlgorithmSpec;
import dev.packs.project.internal.resolve.DeviceEntry.MemorySpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResolutionTest {
  // The STM32G431KBTx memory map and algorithm as Keil.STM32G4xx_DFP lists them, in two pack versions.
  private static final MemorySpec IROM1 = new MemorySpec("IROM1", 0x0800_0000L, 0x2_0000, "rx", true, true);
  private static final MemorySpec IRAM1 = new MemorySpec("IRAM1", 0x2000_0000L, 0x8000, "rwx", true, false);
  private static final AlgorithmSpec G4_128 = algo("CMSIS/Flash/STM32G4xx_128.FLM", 0x0800_0000L, 0x2_0000, true);
  private static final AlgorithmSpec G4_OPT = algo("CMSIS/Flash/STM32G4xx_OPT.FLM", 0x1FFF_7800L, 0x10, false);

  // Our own algorithms stand in for the vendor's: the SFC one inside packs, the STM32G4 one as the local fix.
  private static final Path REPO = Path.of(System.getProperty("packs.repo", ".."));
  private static final Path SFC = REPO.resolve("test-algorithms/build/sfc_m4_Os.flm");
  private static final Path G4 = REPO.resolve("test-algorithms/stm32g4/build/packs_stm32g4_128k.flm");

  @TempDir Path dir;
  private final List<DeviceEntry> installed = new ArrayList<>();

  private static AlgorithmSpec algo(String file, long start, long size, boolean isDefault) {
    return new AlgorithmSpec(file, start, size, isDefault, Optional.empty(), Optional.empty(), Optional.empty());
  }

  private DeviceEntry device(String version, String name, List<MemorySpec> memories, List<AlgorithmSpec> algorithms)
      throws Exception {
    Path packDir = dir.resolve("Keil/STM32G4xx_DFP/" + version);
    for (AlgorithmSpec a : algorithms) {
      Path file = packDir.resolve(a.file());
      Files.createDirectories(file.getParent());
      Files.copy(SFC, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    DeviceEntry d = new DeviceEntry(new ResolvedTarget.PackRef("Keil", "STM32G4xx_DFP", version), packDir, name,
        Optional.empty(), 1, memories, algorithms);
    installed.add(d);
    return d;
  }

  @BeforeEach
  void twoPackVersions() throws Exception {
    device("1.1.0", "STM32G431KBTx", List.of(IROM1, IRAM1), List.of(G4_128, G4_OPT));
    device("1.3.0", "STM32G431KBTx", List.of(IROM1, IRAM1), List.of(G4_128, G4_OPT));
  }

  private ResolvedTarget resolve(String yaml, String target) throws Exception {
    Path file = dir.resolve("packs.yaml");
    Files.writeString(file, yaml);
    return new Resolution(ConfigReader.parse(yaml, file), installed, AlgorithmFiles.parsing()).resolve(target);
  }

  @Test
  void matchesThePyocdNameAndTakesTheNewestPackDefault() throws Exception {
    ResolvedTarget t = new Resolution(ProjectConfig.none(), installed, AlgorithmFiles.parsing()).resolve("stm32g431kbtx");

    assertThat(t.device()).isEqualTo("STM32G431KBTx");
    assertThat(t.pack().toString()).isEqualTo("Keil::STM32G4xx_DFP@1.3.0");
    assertThat(t.packWhy()).contains("newest").contains("1.1.0").contains("1.3.0");
    ResolvedTarget.Algorithm a = t.flashRegions().get(0).algorithm().orElseThrow();
    assertThat(a.reason()).isEqualTo(Reason.PACK_DEFAULT);
    assertThat(a.path()).isEqualTo(dir.resolve("Keil/STM32G4xx_DFP/1.3.0/CMSIS/Flash/STM32G4xx_128.FLM"));
    assertThat(a.ram()).contains(new RamWindow(0x2000_0000L, 0x8000));
    assertThat(a.sha256()).hasSize(64);
  }

  @Test
  void optionBytesAlgorithmGetsItsOwnRegionButIsUsedOnlyWhenChosen() throws Exception {
    ResolvedTarget t = resolve("", "STM32G431KBTX");

    assertThat(t.flashRegions()).extracting(ResolvedTarget.FlashRegion::name, ResolvedTarget.FlashRegion::start)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("IROM1", 0x0800_0000L),
            org.assertj.core.groups.Tuple.tuple("STM32G4xx_OPT.FLM", 0x1FFF_7800L));
    assertThat(t.flashRegions().get(1).algorithm()).isEmpty();
    assertThat(t.flashRegions().get(1).candidates()).containsExactly("STM32G4xx_OPT.FLM");

    ResolvedTarget chosen = resolve("targets:\n  stm32g431kbtx:\n    algorithm: STM32G4xx_OPT\n", "stm32g431kbtx");
    assertThat(chosen.flashRegions().get(1).algorithm().orElseThrow().reason()).isEqualTo(Reason.USER_CHOICE);
    assertThat(chosen.flashRegions().get(0).algorithm().orElseThrow().reason()).isEqualTo(Reason.PACK_DEFAULT);
  }

  @Test
  void overlappingBoardFlashAlgorithmsOutsideTheMemoriesFormOneOptionalRegion() throws Exception {
    installed.clear();
    device("1.3.0", "STM32L4R9AIIx", List.of(IROM1, IRAM1), List.of(G4_128,
        algo("CMSIS/Flash/STM32L4R9I_EVAL.FLM", 0x9000_0000L, 0x0400_0000L, false),
        algo("CMSIS/Flash/N25Q128A_STM32L476-Disco.FLM", 0x9000_0000L, 0x0100_0000L, false)));

    ResolvedTarget t = resolve("", "stm32l4r9aiix");

    assertThat(t.flashRegions()).hasSize(2);
    ResolvedTarget.FlashRegion board = t.flashRegions().get(1);
    assertThat(List.of(board.start(), board.size())).containsExactly(0x9000_0000L, 0x0400_0000L);
    assertThat(board.candidates()).containsExactlyInAnyOrder("STM32L4R9I_EVAL.FLM", "N25Q128A_STM32L476-Disco.FLM");
    assertThat(board.algorithm()).isEmpty();
  }

  @Test
  void pinnedPackWinsOverNewest() throws Exception {
    ResolvedTarget t = resolve("targets:\n  stm32g431kbtx:\n    pack: Keil::STM32G4xx_DFP@1.1.0\n", "stm32g431kbtx");

    assertThat(t.pack().version()).isEqualTo("1.1.0");
    assertThat(t.flashRegions().get(0).algorithm().orElseThrow().reason()).isEqualTo(Reason.PINNED_PACK);
  }

  @Test
  void pinOfAMissingVersionNamesTheInstalledOnes() {
    assertThatThrownBy(() -> resolve("targets:\n  stm32g431kbtx:\n    pack: Keil::STM32G4xx_DFP@1.2.0\n", "stm32g431kbtx"))
        .isInstanceOf(ProjectException.PackNotInstalled.class)
        .hasMessageContaining("Keil::STM32G4xx_DFP@1.2.0 is not installed")
        .hasMessageContaining("Keil::STM32G4xx_DFP@1.1.0, Keil::STM32G4xx_DFP@1.3.0");
  }

  @Test
  void localOverrideReplacesTheBootRegionAlgorithm() throws Exception {
    Path fixed = Files.createDirectories(dir.resolve("algos")).resolve("fixed.flm");
    Files.copy(G4, fixed);

    ResolvedTarget t = resolve("targets:\n  stm32g431kbtx:\n    flm: algos/fixed.flm\n", "stm32g431kbtx");

    ResolvedTarget.Algorithm a = t.flashRegions().get(0).algorithm().orElseThrow();
    assertThat(a.reason()).isEqualTo(Reason.LOCAL_OVERRIDE);
    assertThat(a.origin()).isEqualTo(ResolvedTarget.Origin.LOCAL);
    assertThat(a.path()).isEqualTo(fixed);
    assertThat(a.sha256()).isEqualTo(AlgorithmFiles.parsing().load(G4).orElseThrow().sha256());
    assertThat(a.flashDevice().start()).isEqualTo(0x0800_0000L);
    assertThat(t.flashRegions().get(1).algorithm()).isEmpty(); // the option bytes stay untouched
  }

  @Test
  void missingOverrideFileIsNamed() {
    assertThatThrownBy(() -> resolve("targets:\n  stm32g431kbtx:\n    flm: gone.flm\n", "stm32g431kbtx"))
        .isInstanceOf(ProjectException.AlgorithmNotFound.class)
        .hasMessageContaining("local override gone.flm")
        .hasMessageContaining(dir.resolve("gone.flm").toString());
  }

  @Test
  void namedAlgorithmIsAUserChoice() throws Exception {
    installed.clear();
    AlgorithmSpec other = algo("CMSIS/Flash/STM32G4xx_128_dual.FLM", 0x0800_0000L, 0x2_0000, false);
    device("1.3.0", "STM32G431KBTx", List.of(IROM1, IRAM1), List.of(G4_128, other));

    ResolvedTarget t = resolve("targets:\n  stm32g431kbtx:\n    algorithm: stm32g4xx_128_DUAL\n", "stm32g431kbtx");

    ResolvedTarget.Algorithm a = t.flashRegions().get(0).algorithm().orElseThrow();
    assertThat(a.file()).isEqualTo("CMSIS/Flash/STM32G4xx_128_dual.FLM");
    assertThat(a.reason()).isEqualTo(Reason.USER_CHOICE);
  }

  @Test
  void unknownAlgorithmNameListsTheKnownOnes() {
    assertThatThrownBy(() -> resolve("targets:\n  stm32g431kbtx:\n    algorithm: STM32G4xx_256\n", "stm32g431kbtx"))
        .isInstanceOf(ProjectException.AlgorithmNotFound.class)
        .hasMessageContaining("no algorithm named 'STM32G4xx_256'")
        .hasMessageContaining("STM32G4xx_128.FLM, STM32G4xx_OPT.FLM");
  }

  @Test
  void twoDefaultsForOneRangeAreListedWithHowToChoose() throws Exception {
    installed.clear();
    AlgorithmSpec twin = algo("CMSIS/Flash/STM32G4xx_128_B.FLM", 0x0800_0000L, 0x2_0000, true);
    device("1.3.0", "STM32G431KBTx", List.of(IROM1, IRAM1), List.of(G4_128, twin));

    assertThatThrownBy(() -> resolve("", "stm32g431kbtx"))
        .isInstanceOfSatisfying(ProjectException.AmbiguousAlgorithm.class,
            e -> assertThat(e.candidates()).containsExactly("STM32G4xx_128.FLM", "STM32G4xx_128_B.FLM"))
        .hasMessageContaining("0x08000000")
        .hasMessageContaining("packs algo use stm32g431kbtx NAME");
  }

  @Test
  void disjointAlgorithmsSplitOneMemoryIntoBanks() throws Exception {
    installed.clear();
    MemorySpec flash = new MemorySpec("IROM1", 0x0800_0000L, 0x10_0000, "rx", true, true);
    device("1.3.0", "STM32G474RETx", List.of(flash, IRAM1), List.of(
        algo("bank2.FLM", 0x0808_0000L, 0x8_0000, true), algo("bank1.FLM", 0x0800_0000L, 0x8_0000, true)));

    ResolvedTarget t = resolve("", "stm32g474retx");

    assertThat(t.flashRegions()).extracting(r -> r.algorithm().orElseThrow().file())
        .containsExactly("bank1.FLM", "bank2.FLM");
    assertThat(t.flashRegions()).extracting(ResolvedTarget.FlashRegion::size).containsExactly(0x8_0000L, 0x8_0000L);
  }

  @Test
  void multicorePartNeedsAProcessorAndRespectsItsAlgorithms() throws Exception {
    installed.clear();
    Path packDir = Files.createDirectories(dir.resolve("ST/H7"));
    Files.copy(SFC, packDir.resolve("cm7.FLM"));
    Files.copy(G4, packDir.resolve("cm4.FLM"));
    MemorySpec flash = new MemorySpec("IROM1", 0x0800_0000L, 0x10_0000, "rx", true, true);
    List<AlgorithmSpec> algorithms = List.of(
        new AlgorithmSpec("cm7.FLM", 0x0800_0000L, 0x10_0000, true, Optional.empty(), Optional.empty(), Optional.of("CM7")),
        new AlgorithmSpec("cm4.FLM", 0x0800_0000L, 0x10_0000, true, Optional.empty(), Optional.empty(), Optional.of("CM4")));
    for (String core : List.of("CM7", "CM4")) {
      installed.add(new DeviceEntry(new ResolvedTarget.PackRef("Keil", "STM32H7xx_DFP", "3.0.0"), packDir,
          "STM32H745XIHx", Optional.of(core), 2, List.of(flash), algorithms));
    }

    assertThatThrownBy(() -> resolve("", "stm32h745xihx"))
        .isInstanceOf(ProjectException.AmbiguousTarget.class)
        .hasMessageContaining("STM32H745XIHx:CM4, STM32H745XIHx:CM7");
    ResolvedTarget t = resolve("", "stm32h745xihx:cm4");
    assertThat(t.processor()).contains("CM4");
    assertThat(t.flashRegions().get(0).algorithm().orElseThrow().file()).isEqualTo("cm4.FLM");
  }

  @Test
  void unknownTargetSuggestsSimilarDevices() {
    assertThatThrownBy(() -> resolve("", "stm32g431kbux"))
        .isInstanceOf(ProjectException.UnknownTarget.class)
        .hasMessageContaining("similar installed devices: STM32G431KBTx");
  }

  @Test
  void ramWindowFromPacksYamlWins() throws Exception {
    ResolvedTarget t = resolve("targets:\n  stm32g431kbtx:\n    ram: {start: 0x20001000, size: 0x2000}\n", "stm32g431kbtx");

    assertThat(t.flashRegions().get(0).algorithm().orElseThrow().ram())
        .contains(new RamWindow(0x2000_1000L, 0x2000));
  }

  @Test
  void overrideThatDoesNotCoverItsRegionIsRefused() throws Exception {
    Files.copy(G4, dir.resolve("fixed.flm"));

    assertThatThrownBy(() -> resolve("targets:\n  stm32g431kbtx:\n    flm: {0x1FFF7800: fixed.flm}\n", "stm32g431kbtx"))
        .isInstanceOf(ProjectException.OverrideMismatch.class)
        .hasMessageContaining("programs 0x08000000..0x0801FFFF")
        .hasMessageContaining("flash region 0x1FFF7800..0x1FFF780F");
  }

  @Test
  void overrideThatIsNotAnFlmIsATypedFormatError() throws Exception {
    Files.writeString(dir.resolve("notes.flm"), "not an ELF file at all");

    assertThatThrownBy(() -> resolve("targets:\n  stm32g431kbtx:\n    flm: notes.flm\n", "stm32g431kbtx"))
        .isInstanceOf(dev.packs.flm.FlmFormatException.class)
        .hasMessageContaining("notes.flm");
  }

  @Test
  void overrideThatIsAFolderOrADeviceSaysSoInsteadOfDoesNotExist() throws Exception {
    // A folder and /dev/zero both exist; calling them missing sent users looking for a typo.
    Files.createDirectories(dir.resolve("algos"));
    for (AlgorithmFiles files : List.of(AlgorithmFiles.parsing(), AlgorithmFiles.cached(
        dev.packs.cache.AlgorithmCache.in(new dev.packs.cache.PackRoot(dir.resolve("root")), dev.packs.cache.AlgorithmCacheListener.NONE)))) {
      for (String flm : List.of("algos", "/dev/zero")) {
        String yaml = "targets:\n  stm32g431kbtx:\n    flm: " + flm + "\n";
        Path file = dir.resolve("packs.yaml");
        Files.writeString(file, yaml);
        Path expected = dir.resolve(flm).toAbsolutePath().normalize();
        assertThatThrownBy(() -> new Resolution(ConfigReader.parse(yaml, file), installed, files).resolve("stm32g431kbtx"))
            .isInstanceOf(ProjectException.FileFailure.class)
            .hasMessage("cannot read " + expected + ": not a regular file but "
                + (flm.equals("algos") ? "a folder" : "a device or special file"));
      }
    }
  }
}
