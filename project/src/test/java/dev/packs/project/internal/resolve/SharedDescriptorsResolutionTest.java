package dev.packs.project.internal.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packs.flm.FlashAlgorithm;
import dev.packs.flm.FlmLoader;
import dev.packs.project.ProjectConfig;
import dev.packs.project.ProjectException;
import dev.packs.project.ResolvedTarget;
import dev.packs.index.Device;
import dev.packs.index.DeviceResolver;
import dev.packs.index.IndexException;
import dev.packs.index.PackDescriptor;
import dev.packs.index.PdscReader;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every device of every shared descriptor goes through region splitting and algorithm choice: only
 * typed project errors may come out, and the common case (one default per region) resolves.
 */
class SharedDescriptorsResolutionTest {
  private static final Path PDSC = Path.of(System.getProperty("packs.shared", "../../shared")).resolve("data/pdsc");
  private static final Path FLM = Path.of(System.getProperty("packs.repo", ".."))
      .resolve("test-algorithms/build/sfc_m4_Os.flm");

  @Test
  void everySharedDeviceResolvesOrFailsWithATypedReason() throws Exception {
    FlashAlgorithm any = FlmLoader.load(Files.readAllBytes(FLM), FLM.toString());
    AlgorithmFiles files = file -> Optional.of(any); // every pack file "exists" and holds our algorithm
    int resolved = 0;
    TreeMap<String, List<String>> failures = new TreeMap<>();
    for (Path file : descriptors()) {
      Optional<PackDescriptor> pdsc = read(file);
      if (pdsc.isEmpty()) {
        continue; // the index module's tests own unreadable descriptors
      }
      ResolvedTarget.PackRef pack = new ResolvedTarget.PackRef(pdsc.get().vendor(), pdsc.get().name(), "1.0.0");
      for (Device device : DeviceResolver.resolve(pdsc.get()).devices()) {
        for (DeviceEntry entry : PackRootDevices.entries(pack, Path.of("/pack"), device)) {
          String target = entry.name() + entry.processor().map(p -> ":" + p).orElse("");
          try {
            ResolvedTarget t = new Resolution(ProjectConfig.none(), List.of(entry), files).resolve(target);
            assertThat(t.flashRegions()).allSatisfy(r -> assertThat(r.size()).isPositive());
            resolved++;
          } catch (ProjectException e) {
            failures.computeIfAbsent(e.getClass().getSimpleName(), k -> new ArrayList<>()).add(target);
          }
        }
      }
    }
    System.out.printf("shared descriptors: %d targets resolved; failures by kind: %s%n", resolved,
        failures.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().size()).toList());
    assertThat(resolved).isGreaterThan(2500);
    assertThat(failures.keySet()).containsExactly("AmbiguousAlgorithm");
    // Only devtools' deliberately conflicting test devices: two defaults for one range.
    assertThat(failures.get("AmbiguousAlgorithm")).containsExactlyInAnyOrder(
        "RteTest_ARMCM4", "RteTest_ARMCM4_NOFP", "RteTest_ARMCM4_FP", "TestDevice6:M7", "TestDevice8");
  }

  private static List<Path> descriptors() throws Exception {
    try (Stream<Path> files = Files.list(PDSC)) {
      return files.filter(f -> f.toString().endsWith(".pdsc")).sorted().toList();
    }
  }

  private static Optional<PackDescriptor> read(Path file) throws Exception {
    try (InputStream in = Files.newInputStream(file)) {
      return Optional.of(PdscReader.read(in, file.toString()));
    } catch (IndexException e) {
      return Optional.empty();
    }
  }
}
