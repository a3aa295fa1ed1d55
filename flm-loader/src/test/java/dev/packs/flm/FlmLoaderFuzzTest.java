package dev.packs.flm;

import dev.packs.flm.testdata.TestAlgorithms;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Whatever the bytes, the loader returns an algorithm or throws a typed FlmFormatException. */
class FlmLoaderFuzzTest {
  private static final byte[] GOOD = TestAlgorithms.bytes("sfc_m0_O2.flm");

  @Property(tries = 1000)
  void mutatedFlmsFailOnlyWithTypedErrors(@ForAll("mutations") List<int[]> edits) {
    byte[] bytes = GOOD.clone();
    for (int[] edit : edits) {
      bytes[edit[0]] = (byte) edit[1];
    }
    assertOnlyTypedErrors(bytes);
  }

  @Property(tries = 300)
  void truncatedFlmsFailOnlyWithTypedErrors(@ForAll @IntRange(min = 0, max = 6000) int length) {
    byte[] bytes = java.util.Arrays.copyOf(GOOD, Math.min(length, GOOD.length));
    assertOnlyTypedErrors(bytes);
  }

  @Property(tries = 300)
  void randomBytesFailOnlyWithTypedErrors(@ForAll @Size(max = 300) byte[] bytes) {
    assertOnlyTypedErrors(bytes);
  }

  /** Edits aimed at the structures the loader reads: header, section headers, symbols, DevDscr. */
  @Provide
  Arbitrary<List<int[]>> mutations() {
    int devDscr = new ElfSurgery(GOOD).sectionData("DevDscr", 1);
    Arbitrary<Integer> position =
        Arbitraries.oneOf(
            Arbitraries.integers().between(0, 51),
            Arbitraries.integers().between(devDscr, devDscr + 200),
            Arbitraries.integers().between(GOOD.length - 400, GOOD.length - 1),
            Arbitraries.integers().between(0, GOOD.length - 1));
    Arbitrary<Integer> value =
        Arbitraries.oneOf(Arbitraries.of(0, 0xFF, 0x7F, 0x80, 1), Arbitraries.integers().between(0, 255));
    return position.flatMap(p -> value.map(v -> new int[] {p, v})).list().ofMinSize(1).ofMaxSize(8);
  }

  private static void assertOnlyTypedErrors(byte[] bytes) {
    try {
      FlashAlgorithm algo = FlmLoader.load(bytes, "fuzz.flm");
      assertThat(algo.blob().size()).isEqualTo(algo.sections().end());
    } catch (FlmFormatException expected) {
      assertThat(expected.source()).isEqualTo("fuzz.flm");
    }
  }
}
