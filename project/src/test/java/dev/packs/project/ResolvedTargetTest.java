package dev.packs.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packs.cache.AlgorithmCache;
import dev.packs.cache.AlgorithmCacheListener;
import dev.packs.cache.PackRoot;
import dev.packs.flm.ExportedAlgorithm;
import dev.packs.flm.FlashAlgorithm;
import dev.packs.flm.FlmLoader;
import dev.packs.flm.RamWindow;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResolvedTargetTest {
  private static final java.nio.file.Path FLM =
      java.nio.file.Path.of(System.getProperty("packs.repo", "..")).resolve("test-algorithms/build/sfc_m4_Os.flm");
  private final FlashAlgorithm algo = load();
  private final RamWindow ram = new RamWindow(0x2000_0000L, 0x8000);

  private static FlashAlgorithm load() {
    try {
      return FlmLoader.load(Files.readAllBytes(FLM), "sfc_m4_Os.flm");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  // A target resolved by hand: one region with sfc_m4_Os from a "pack", one region without an algorithm.
  @Test
  void exportsTheAlgorithmsOfAResolvedTargetThroughTheCache(@org.junit.jupiter.api.io.TempDir java.nio.file.Path temp) throws Exception {
    java.nio.file.Path flm = FLM;
    ResolvedTarget.Algorithm chosen = new ResolvedTarget.Algorithm(ResolvedTarget.Origin.PACK,
        "Flash\\SFC_M4_Os.FLM", flm, 0x0800_0000L, 0x2_0000L, Optional.empty(), algo.sha256(),
        algo.device(), ResolvedTarget.Reason.PACK_DEFAULT, "the pack's default algorithm");
    ResolvedTarget target = new ResolvedTarget("sfc", "PACKS_SFC", Optional.empty(),
        new ResolvedTarget.PackRef("Packs", "Test", "1.0.0"), "newest installed", List.of(),
        List.of(new ResolvedTarget.FlashRegion("IROM1", 0x0800_0000L, 0x2_0000L, Optional.of(chosen)),
            new ResolvedTarget.FlashRegion("OTP", 0x1FFF_7000L, 0x400, Optional.empty())));
    List<String> opened = new ArrayList<>();
    AlgorithmCacheListener counting = new AlgorithmCacheListener() {
      @Override
      public void sourceOpened(String source) {
        opened.add(source);
      }
    };

    List<ExportedAlgorithm> first = target.exportedAlgorithms(AlgorithmCache.in(new PackRoot(temp), counting));
    List<ExportedAlgorithm> second = target.exportedAlgorithms(AlgorithmCache.in(new PackRoot(temp), counting));

    assertThat(first).containsExactly(
        new ExportedAlgorithm("sfc_m4_os", true, algo.withSource(flm.toString()), Optional.empty()));
    assertThat(second).isEqualTo(first);
    assertThat(opened).containsExactly(flm.toString());
    assertThat(first.get(0).withRam(ram).ram()).hasValue(ram);
  }

}
