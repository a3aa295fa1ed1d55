package dev.packs.emulator.internal.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * Random programs (every template, all condition codes, random flags, forward branches, IT blocks)
 * must leave registers, flags, PC and RAM exactly as Unicorn's Cortex-M0 and Cortex-M4 models do.
 */
@AddLifecycleHook(UnicornAvailable.class)
class UnicornDifferentialTest {

  @Property(tries = 2000)
  void armv7emProgramsMatchCortexM4(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int length) {
    assertSame(Architecture.ARMV7EM, seed, length);
  }

  @Property(tries = 500)
  void armv7mProgramsMatchCortexM4(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int length) {
    assertSame(Architecture.ARMV7M, seed, length);
  }

  @Property(tries = 500)
  void armv8mMainlineProgramsMatchCortexM33(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int length) {
    assertSame(Architecture.ARMV8M_MAINLINE, seed, length);
  }

  @Property(tries = 1500)
  void armv6mProgramsMatchCortexM0(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int length) {
    assertSame(Architecture.ARMV6M, seed, length);
  }

  private static void assertSame(Architecture arch, long seed, int length) {
    ProgramGenerator.Program program = new ProgramGenerator(arch, seed).generate(length);
    List<String> differences = Oracle.compare(arch, program);
    if (differences.isEmpty()) {
      return;
    }
    assertThat(differences)
        .as("%s program (seed %d, length %d):%n%s%n%s%n", arch, seed, length, String.join("\n", program.listing()),
            Oracle.firstDivergence(arch, program))
        .isEmpty();
  }
}
