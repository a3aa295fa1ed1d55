package dev.packs.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every real vendor algorithm in ../shared/data/flm, on its device from its real descriptor, with
 * a strict bus: Init, ProgramPage, UnInit, Init, EraseSector, UnInit must return 0, ProgramPage
 * must change exactly the page it was given and EraseSector must erase it (option registers and
 * OTP as the hardware allows), or the run must end with the diagnosis listed for it.
 */
class SharedFlmTest {
  static Stream<SharedFlms.Case> cases() {
    return SharedFlms.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void runsTheEngineSequenceOrNamesWhyNot(SharedFlms.Case c) {
    FlashSequence.Outcome outcome = FlashSequence.run(c.flm(), c.pdsc(), c.device(), c.kind());
    if (c.diagnosis().isEmpty()) {
      assertThat(outcome.passed()).as("%s: %s", c, outcome.calls()).isTrue();
    } else {
      assertThat(outcome.passed()).as("%s is expected to fail", c).isFalse();
      assertThat(outcome.detail()).contains(c.diagnosis().get());
    }
  }

  @org.junit.jupiter.api.Test
  void coversEverySharedAlgorithmAndPassesAtLeastNinetyPercent() throws Exception {
    // The list above must not silently miss a file that lands in ../shared/data/flm.
    List<String> listed = SharedFlms.all().stream().map(SharedFlms.Case::flm).sorted().toList();
    try (Stream<java.nio.file.Path> files = java.nio.file.Files.walk(VendorAlgorithm.shared("flm"))) {
      List<String> onDisk = files.filter(p -> p.toString().toUpperCase().endsWith(".FLM"))
          .map(p -> VendorAlgorithm.shared("flm").relativize(p).toString().replace('\\', '/'))
          .sorted().toList();
      assertThat(listed).isEqualTo(onDisk);
    }
    long expectedToPass = SharedFlms.all().stream().filter(c -> c.diagnosis().isEmpty()).count();
    assertThat(expectedToPass * 10).isGreaterThanOrEqualTo(listed.size() * 9L);
  }
}
