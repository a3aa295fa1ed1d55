package dev.packs.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.packs.project.ResolvedTarget.Origin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LockFileTest {
  private static final String SHA_A = "a".repeat(64);
  private static final String SHA_B = "b".repeat(64);

  @TempDir Path dir;

  private static LockFile lock(String pack, LockFile.Algorithm... algorithms) {
    return new LockFile(Map.of("stm32g431kbtx", new LockFile.Target("STM32G431KBTx", pack, List.of(algorithms))));
  }

  @Test
  void writesAStableSortedFileAndReadsItBack() throws Exception {
    LockFile lock = new LockFile(Map.of(
        "zeta", new LockFile.Target("Z", "V::P@1.0.0", List.of()),
        "stm32g431kbtx", new LockFile.Target("STM32G431KBTx", "Keil::STM32G4xx_DFP@1.1.0", List.of(
            new LockFile.Algorithm(0x1FFF_7800L, Origin.PACK, "CMSIS/Flash/STM32G4xx_OPT.FLM", SHA_B),
            new LockFile.Algorithm(0x0800_0000L, Origin.LOCAL, "algos/fixed.flm", SHA_A)))));
    Path file = dir.resolve("packs.lock");

    lock.write(file);

    assertThat(Files.readString(file)).isEqualTo("""
        {
          "lockVersion" : 1,
          "targets" : {
            "stm32g431kbtx" : {
              "device" : "STM32G431KBTx",
              "pack" : "Keil::STM32G4xx_DFP@1.1.0",
              "algorithms" : [ {
                "region" : "0x08000000",
                "origin" : "local",
                "file" : "algos/fixed.flm",
                "sha256" : "%s"
              }, {
                "region" : "0x1FFF7800",
                "origin" : "pack",
                "file" : "CMSIS/Flash/STM32G4xx_OPT.FLM",
                "sha256" : "%s"
              } ]
            },
            "zeta" : {
              "device" : "Z",
              "pack" : "V::P@1.0.0",
              "algorithms" : [ ]
            }
          }
        }
        """.formatted(SHA_A, SHA_B));
    assertThat(LockFile.read(file).differences(lock)).isEmpty();
    assertThat(Files.exists(dir.resolve("packs.lock.part"))).isFalse();
  }

  @Test
  void namesAnUpdatedPack() {
    LockFile locked = lock("Keil::STM32G4xx_DFP@1.2.0");
    LockFile now = lock("Keil::STM32G4xx_DFP@1.3.0");

    assertThat(locked.differences(now)).containsExactly(
        "stm32g431kbtx: pack Keil::STM32G4xx_DFP@1.2.0 is locked, but Keil::STM32G4xx_DFP@1.3.0 resolves now"
            + " (pack updated or pin changed)");
  }

  @Test
  void namesAnEditedOverrideFile() {
    LockFile locked = lock("K::P@1.0.0", new LockFile.Algorithm(0x0800_0000L, Origin.LOCAL, "fixed.flm", SHA_A));
    LockFile now = lock("K::P@1.0.0", new LockFile.Algorithm(0x0800_0000L, Origin.LOCAL, "fixed.flm", SHA_B));

    assertThat(locked.differences(now)).containsExactly(
        "stm32g431kbtx: flash region 0x08000000: local override fixed.flm has sha256 " + SHA_B + ", locked " + SHA_A
            + " (override file edited)");
  }

  @Test
  void namesASwitchFromPackToOverrideAndNewTargets() {
    LockFile locked = lock("K::P@1.0.0", new LockFile.Algorithm(0x0800_0000L, Origin.PACK, "X.FLM", SHA_A));
    LockFile now = new LockFile(Map.of(
        "stm32g431kbtx", new LockFile.Target("STM32G431KBTx", "K::P@1.0.0",
            List.of(new LockFile.Algorithm(0x0800_0000L, Origin.LOCAL, "fixed.flm", SHA_B))),
        "other", new LockFile.Target("O", "K::P@1.0.0", List.of())));

    assertThat(locked.differences(now)).containsExactly(
        "other: configured, but not in the lock file",
        "stm32g431kbtx: flash region 0x08000000: locked pack algorithm X.FLM, but local override fixed.flm resolves now");
  }

  @Test
  void rejectsALockFileWithAnUnknownOrigin() throws Exception {
    Path file = dir.resolve("packs.lock");
    Files.writeString(file, """
        {"lockVersion": 1, "targets": {"t": {"device": "D", "pack": "K::P@1.0.0",
          "algorithms": [{"region": "0x08000000", "origin": "web", "file": "x", "sha256": "%s"}]}}}
        """.formatted(SHA_A));

    assertThatThrownBy(() -> LockFile.read(file))
        .isInstanceOf(ProjectException.BadConfig.class)
        .hasMessageContaining("targets.t.algorithms[0].origin: expected pack or local, found 'web'");
  }

  @Test
  void aKeyGivenTwiceInTheLockIsRefusedNamingBothLines() throws Exception {
    // A hand-merged lock with the target twice: JSON readers keep the last one silently.
    Path file = dir.resolve("packs.lock");
    Files.writeString(file, """
        {
          "lockVersion" : 1,
          "targets" : {
            "stm32g431kbtx" : { "device" : "STM32G431KBTx", "pack" : "Keil::STM32G4xx_DFP@1.1.0", "algorithms" : [ ] },
            "stm32g431kbtx" : { "device" : "STM32G431KBTx", "pack" : "Keil::STM32G4xx_DFP@1.2.0", "algorithms" : [ ] }
          }
        }
        """);
    assertThatThrownBy(() -> LockFile.read(file))
        .isInstanceOf(ProjectException.BadConfig.class)
        .hasMessage(file + ": targets.stm32g431kbtx: key 'stm32g431kbtx' appears twice, at line 4 and at line 5; keep one");
  }

  @Test
  void invalidUtf8InTheLockNamesTheLine() throws Exception {
    Path file = dir.resolve("packs.lock");
    Files.write(file, new byte[] {'{', '\n', ' ', (byte) 0xFF, '\n', '}'});
    assertThatThrownBy(() -> LockFile.read(file))
        .isInstanceOf(ProjectException.BadConfig.class)
        .hasMessage(file + ": line 2, column 2: not UTF-8 (byte 0xFF); save the file as UTF-8");
  }
}
