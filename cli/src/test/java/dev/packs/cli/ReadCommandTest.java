package dev.packs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code packs read} and {@code --probe} on the emulated STM32G431KB of the real descriptor. */
class ReadCommandTest {
  @TempDir Path dir;

  @Test
  void readsAFreshEmulatedDeviceAsErasedAndCreatesItsFile() throws Exception {
    G4Lab lab = new G4Lab(dir, G4Lab.G4);
    assertThat(lab.run("read", "--target", "stm32g431kbtx", "--probe", "emulator:dev.bin", "0x0801F800", "2048",
        "-o", "tail.bin")).as(lab.err.toString()).isZero();
    byte[] erased = new byte[2048];
    Arrays.fill(erased, (byte) 0xFF);
    assertThat(Files.readAllBytes(lab.project.resolve("tail.bin"))).isEqualTo(erased);
    assertThat(lab.project.resolve("dev.bin")).hasSize(128 * 1024);
    assertThat(lab.err.toString()).contains("read 2048 bytes at 0x0801F800 from stm32g431kbtx (STM32G431KBTx)"
        + " on emulator:dev.bin into tail.bin");
    assertThat(lab.out.toString()).isEmpty();
  }

  @Test
  void readsWhatTheFileHolds() throws Exception {
    // The file is the flash image: a byte written at offset 0x10 is the byte at 0x08000010.
    G4Lab lab = new G4Lab(dir, G4Lab.G4);
    byte[] flash = new byte[128 * 1024];
    flash[0x10] = 0x42;
    Files.write(lab.project.resolve("dev.bin"), flash);
    assertThat(lab.run("read", "--target", "stm32g431kbtx", "--probe", "emulator:dev.bin", "0x08000010", "1",
        "-o", "one.bin")).isZero();
    assertThat(Files.readAllBytes(lab.project.resolve("one.bin"))).containsExactly(0x42);
  }

  @Test
  void aFileOfAnotherSizeIsRefusedByName() throws Exception {
    G4Lab lab = new G4Lab(dir, G4Lab.G4);
    Files.write(lab.project.resolve("dev.bin"), new byte[10]);
    assertThat(lab.run("read", "--target", "stm32g431kbtx", "--probe", "emulator:dev.bin", "0x08000000", "4",
        "-o", "x.bin")).isEqualTo(ExitCode.FAILURE.code());
    assertThat(lab.err.toString()).contains("dev.bin holds 0xA bytes, but the flash of the emulated STM32G431KBTx"
        + " is 0x20000 bytes (0x08000000..0x0801FFFF)");
  }

  @Test
  void anUnmappedAddressIsATargetFailureNamingIt() throws Exception {
    G4Lab lab = new G4Lab(dir, G4Lab.G4);
    assertThat(lab.run("read", "--target", "stm32g431kbtx", "--probe", "emulator", "0x60000000", "4",
        "-o", "x.bin")).isEqualTo(ExitCode.TARGET.code());
    assertThat(lab.err.toString()).contains("memory read failed at 0x60000000");
    assertThat(lab.project.resolve("x.bin")).doesNotExist();
  }

  @Test
  void anUnknownProbeIsAUsageErrorListingTheKinds() throws Exception {
    G4Lab lab = new G4Lab(dir, G4Lab.G4);
    assertThat(lab.run("read", "--target", "stm32g431kbtx", "--probe", "jlink", "0x08000000", "4", "-o", "x.bin"))
        .isEqualTo(ExitCode.USAGE.code());
    assertThat(lab.err.toString()).contains("unknown probe 'jlink'; expected emulator");
  }

  @Test
  void probeSpecsParseRelativeToTheWorkingFolder() {
    assertThat(ProbeSpec.parse(Optional.empty(), dir)).isInstanceOf(ProbeSpec.Attached.class);
    assertThat(ProbeSpec.parse(Optional.of("emulator"), dir))
        .isEqualTo(new ProbeSpec.Emulator(Optional.empty(), "emulator"));
    assertThat(ProbeSpec.parse(Optional.of("Emulator:g4.bin"), dir))
        .isEqualTo(new ProbeSpec.Emulator(Optional.of(dir.resolve("g4.bin")), "emulator:g4.bin"));
    assertThatThrownBy(() -> ProbeSpec.parse(Optional.of("jlink:123"), dir))
        .isInstanceOf(UsageException.class).hasMessageContaining("unknown probe 'jlink:123'");
  }
}
