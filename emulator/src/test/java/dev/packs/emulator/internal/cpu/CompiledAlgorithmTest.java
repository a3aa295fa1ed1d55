package dev.packs.emulator.internal.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * c/algorithm.c compiled by GCC for Cortex-M0 and Cortex-M4 at -O0, -Os and -O2: its flash-algorithm
 * entry points must erase, program, verify and checksum correctly, every build must compute the same
 * integer results, and each call must leave registers and memory exactly as Unicorn does.
 */
class CompiledAlgorithmTest {
  private static final int[][] MIX_INPUTS = mixInputs();

  private static int[][] mixInputs() {
    Random random = new Random(42);
    List<int[]> inputs = new ArrayList<>(List.of(new int[] {0, 0}, new int[] {-1, -1}, new int[] {0x8000_0000, 3},
        new int[] {7, 0}, new int[] {1, 0x7FFF_FFFF}, new int[] {0x1234_5678, 0x9ABC_DEF0}));
    for (int i = 0; i < 60; i++) {
      inputs.add(new int[] {random.nextInt(), random.nextInt(random.nextBoolean() ? 100 : Integer.MAX_VALUE)});
    }
    return inputs.toArray(new int[0][]);
  }

  private static byte[] pattern(int size) {
    byte[] data = new byte[size];
    for (int i = 0; i < size; i++) {
      data[i] = (byte) (i * 7 + 3 ^ i >>> 3);
    }
    return data;
  }

  @ParameterizedTest
  @CsvSource({"m0-O0, ARMV6M", "m0-Os, ARMV6M", "m0-O2, ARMV6M", "m4-O0, ARMV7EM", "m4-Os, ARMV7EM",
      "m4-O2, ARMV7EM", "m0-O2, ARMV8M_BASELINE", "m4-O2, ARMV8M_MAINLINE", "m4-Os, ARMV7M"})
  void erasesProgramsVerifiesAndChecksums(String build, Architecture arch) {
    CompiledAlgorithm algorithm = new CompiledAlgorithm(build, arch);
    byte[] data = pattern(1024);
    algorithm.bus.load(CompiledAlgorithm.BUFFER, data);
    assertThat(algorithm.call(CompiledAlgorithm.INIT, CompiledAlgorithm.FLASH, 8_000_000, 1)).isZero();
    assertThat(algorithm.call(CompiledAlgorithm.ERASE_SECTOR, CompiledAlgorithm.FLASH + 0x4F0)).isZero();
    byte[] flash = algorithm.bus.bytes(CompiledAlgorithm.FLASH);
    assertThat(Arrays.copyOfRange(flash, 0x400, 0x800)).containsOnly((byte) 0xFF);
    assertThat(flash[0x3FF]).isZero();
    assertThat(flash[0x800]).isZero();

    assertThat(algorithm.call(CompiledAlgorithm.PROGRAM_PAGE, CompiledAlgorithm.FLASH + 0x400, 1024,
        CompiledAlgorithm.BUFFER)).isZero();
    assertThat(Arrays.copyOfRange(flash, 0x400, 0x800)).isEqualTo(data);
    assertThat(algorithm.call(CompiledAlgorithm.VERIFY, CompiledAlgorithm.FLASH + 0x400, 1024,
        CompiledAlgorithm.BUFFER)).isEqualTo(CompiledAlgorithm.FLASH + 0x800);

    algorithm.bus.write(CompiledAlgorithm.FLASH + 0x410, 1, 0);
    assertThat(algorithm.call(CompiledAlgorithm.VERIFY, CompiledAlgorithm.FLASH + 0x400, 1024,
        CompiledAlgorithm.BUFFER)).as("first differing byte").isEqualTo(CompiledAlgorithm.FLASH + 0x410);

    CRC32 crc = new CRC32();
    crc.update(data, 0, 300);
    assertThat(algorithm.call(CompiledAlgorithm.CHECKSUM, CompiledAlgorithm.BUFFER, 300))
        .isEqualTo((int) crc.getValue());
    assertThat(algorithm.call(CompiledAlgorithm.UNINIT, 1)).isZero();
  }

  @ParameterizedTest
  @CsvSource({"m0-Os, ARMV6M", "m0-O2, ARMV6M", "m4-O0, ARMV7EM", "m4-Os, ARMV7EM", "m4-O2, ARMV7EM"})
  void integerHelpersGiveTheSameResultsInEveryBuild(String build, Architecture arch) {
    assertThat(mixResults(new CompiledAlgorithm(build, arch)))
        .isEqualTo(mixResults(new CompiledAlgorithm("m0-O0", Architecture.ARMV6M)));
  }

  private static List<Integer> mixResults(CompiledAlgorithm algorithm) {
    algorithm.call(CompiledAlgorithm.INIT, CompiledAlgorithm.FLASH, 1, 1);
    List<Integer> results = new ArrayList<>();
    for (int[] input : MIX_INPUTS) {
      results.add(algorithm.call(CompiledAlgorithm.MIX, input[0], input[1]));
    }
    return results;
  }

  @ParameterizedTest
  @CsvSource({"m0-O0, ARMV6M", "m0-Os, ARMV6M", "m0-O2, ARMV6M", "m4-O0, ARMV7EM", "m4-Os, ARMV7EM",
      "m4-O2, ARMV7EM"})
  void everyCallMatchesUnicorn(String build, Architecture arch) {
    assumeTrue(Unicorn.available(), Unicorn::unavailableReason);
    CompiledAlgorithm algorithm = new CompiledAlgorithm(build, arch);
    algorithm.bus.load(CompiledAlgorithm.BUFFER, pattern(1024));
    try (Unicorn unicorn = new Unicorn(arch)) {
      unicorn.map(CompiledAlgorithm.RAM, CompiledAlgorithm.RAM_SIZE);
      unicorn.map(CompiledAlgorithm.FLASH, CompiledAlgorithm.FLASH_SIZE);
      unicorn.write(CompiledAlgorithm.RAM, algorithm.bus.bytes(CompiledAlgorithm.RAM));
      List<int[]> calls = new ArrayList<>(List.of(
          new int[] {CompiledAlgorithm.INIT, CompiledAlgorithm.FLASH, 8_000_000, 1},
          new int[] {CompiledAlgorithm.ERASE_SECTOR, CompiledAlgorithm.FLASH + 0x800},
          new int[] {CompiledAlgorithm.PROGRAM_PAGE, CompiledAlgorithm.FLASH + 0x800, 512, CompiledAlgorithm.BUFFER},
          new int[] {CompiledAlgorithm.VERIFY, CompiledAlgorithm.FLASH + 0x800, 1024, CompiledAlgorithm.BUFFER},
          new int[] {CompiledAlgorithm.CHECKSUM, CompiledAlgorithm.BUFFER, 1024}));
      for (int[] input : MIX_INPUTS) {
        calls.add(new int[] {CompiledAlgorithm.MIX, input[0], input[1]});
      }
      calls.add(new int[] {CompiledAlgorithm.UNINIT, 7});
      for (int[] call : calls) {
        int[] args = Arrays.copyOfRange(call, 1, call.length);
        int mine = algorithm.call(call[0], args);
        assertThat(callUnicorn(unicorn, algorithm.entry(call[0]), args)).as("%s call %s", build, Arrays.toString(call))
            .isEqualTo(mine);
        for (int r = 4; r <= 11; r++) {
          assertThat(algorithm.cpu.reg(r)).as("callee-saved r%d", r).isEqualTo(unicorn.reg(Unicorn.REG_R0 + r));
        }
      }
      assertThat(algorithm.bus.bytes(CompiledAlgorithm.RAM))
          .isEqualTo(unicorn.read(CompiledAlgorithm.RAM, CompiledAlgorithm.RAM_SIZE));
      assertThat(algorithm.bus.bytes(CompiledAlgorithm.FLASH))
          .isEqualTo(unicorn.read(CompiledAlgorithm.FLASH, CompiledAlgorithm.FLASH_SIZE));
    }
  }

  private static int callUnicorn(Unicorn unicorn, int entry, int[] args) {
    for (int i = 0; i < args.length; i++) {
      unicorn.setReg(Unicorn.REG_R0 + i, args[i]);
    }
    unicorn.setReg(Unicorn.REG_SP, CompiledAlgorithm.STACK);
    unicorn.setReg(Unicorn.REG_LR, CompiledAlgorithm.TRAMPOLINE | 1);
    int code = unicorn.run(entry & ~1, CompiledAlgorithm.TRAMPOLINE, 50_000_000);
    assertThat(code).as("unicorn: %s", unicorn.describe(code)).isZero();
    return unicorn.reg(Unicorn.REG_R0);
  }
}
