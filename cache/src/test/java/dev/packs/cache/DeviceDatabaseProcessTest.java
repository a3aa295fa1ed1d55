package dev.packs.cache;

import dev.packs.index.testdata.SharedData;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceDatabaseProcessTest {
  @TempDir Path tmp;

  @Test
  void threeProcessesSyncingAtOnceReadEachDescriptorOnce() throws Exception {
    // Real processes, so the FileChannel locks are exercised across JVMs, not only threads.
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> cmd = new ArrayList<>(List.of(
        java.toString(), "-cp", System.getProperty("java.class.path"), SyncProcess.class.getName(),
        tmp.resolve("root").toString()));
    for (String f : List.of("Keil.STM32G4xx_DFP.1.1.0.pdsc", "Keil.STM32F1xx_DFP.2.3.0.pdsc",
        "NordicSemiconductor.nRF_DeviceFamilyPack.8.35.0.pdsc")) {
      cmd.add(SharedData.pdsc(f).toString());
    }
    List<Process> processes = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      processes.add(new ProcessBuilder(cmd).redirectErrorStream(true).start());
    }
    int indexed = 0;
    for (Process p : processes) {
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      assertThat(p.exitValue()).as(out).isZero();
      indexed += Integer.parseInt(out);
    }
    assertThat(indexed).as("each descriptor read by exactly one process").isEqualTo(3);
    assertThat(DeviceDatabase.of(new PackRoot(tmp.resolve("root"))).catalog().packs()).hasSize(3);
  }
}
