package dev.packs.project.internal.config;

import dev.packs.flm.RamWindow;
import static org.assertj.core.api.Assertions.assertThat;

import dev.packs.project.PackPin;
import dev.packs.project.ProjectConfig;
import dev.packs.project.TargetConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Long random sequences of edits on a commented file: each reads back as the model says, comments stay. */
class ConfigEditorRandomTest {
  // Full-line comments at every level, a blank line, inline comments and a second target.
  private static final String START =
      """
      # top comment
      targets:
        # before the first target
        alpha:   # inline on a target
          pack: K::P@1.0.0  # inline on a value

        # between targets
        beta:
          algorithm: B
      # trailing comment
      """;
  private static final List<String> TARGETS = List.of("alpha", "beta", "gamma");

  @TempDir Path dir;

  @Test
  void randomEditSequencesReadBackExactlyAndKeepFullLineComments() throws Exception {
    for (int seed = 0; seed < 60; seed++) {
      Random random = new Random(seed);
      Path file = dir.resolve("packs-" + seed + ".yaml");
      Files.writeString(file, START);
      Map<String, TargetConfig> model = new TreeMap<>(ConfigReader.parse(START, file).targets());
      for (int step = 0; step < 15; step++) {
        String target = TARGETS.get(random.nextInt(TARGETS.size()));
        UnaryOperator<TargetConfig> change = randomChange(random);
        ProjectConfig after = ConfigEditor.update(file, target, change);
        model.put(target, change.apply(model.getOrDefault(target, TargetConfig.empty(target))));
        assertThat(after.targets()).as("seed %d step %d", seed, step).isEqualTo(model);
        assertThat(ConfigReader.read(file).targets()).isEqualTo(model);
      }
      String text = Files.readString(file);
      assertThat(text).as("seed %d", seed).contains(
          "# top comment\n", "  # before the first target\n", "  # between targets\n", "# trailing comment\n",
          "alpha:   # inline on a target\n");
    }
  }

  /** A change that gives the same result each time it is applied (randomness drawn up front). */
  private static UnaryOperator<TargetConfig> randomChange(Random random) {
    String n = Integer.toString(random.nextInt(4));
    long region = 0x0800_0000L + 0x4_0000L * random.nextInt(3);
    long ramSize = 0x1000L * (1 + random.nextInt(8));
    return switch (random.nextInt(6)) {
      case 0 -> t -> t.withPack(PackPin.parse("Keil::Pack" + n + "@1." + n + ".0"));
      case 1 -> t -> t.withAlgorithm("Algo_" + n);
      case 2 -> t -> t.withFlm(Optional.empty(), "algos/default " + n + ".flm");
      case 3 -> t -> t.withFlm(Optional.of(region), "bank" + n + ".flm");
      case 4 -> t -> new TargetConfig(t.name(), t.pack(), t.algorithm(), t.defaultFlm(), t.regionFlm(),
          Optional.of(new RamWindow(0x2000_0000L, ramSize)));
      default -> TargetConfig::withoutAlgorithmChoices;
    };
  }
}
