package dev.packs.flash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packs.emulator.Core;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AlgorithmTesterTest {
  @Test
  void catchesTheAlgorithmThatErasesTheWrongPage() {
    // Our deliberately broken G4 variant: the page number loses bit 5, so page 32 becomes page 0.
    TestDevice device = TestDevice.of(TestDevice.G4_WRONG_PAGE);
    AlgorithmTestReport report = AlgorithmTester.test(device.emulator, device.placed, device.region,
        CallLimits.emulator(), FlashListener.NONE);

    assertThat(report.passed()).isFalse();
    assertThat(report.problem()).hasValue(
        "EraseSector(0x08010000) erased 0x08000000..0x080007FF instead of 0x08010000..0x080107FF");
    // Every call returned: a wrong result has nothing for the emulator to explain.
    assertThat(report.diagnosis()).isEmpty();
    assertThat(report.sectors()).hasSize(64);
    assertThat(report.sectors().subList(0, 32)).allMatch(AlgorithmTestReport.SectorResult::ok);
    AlgorithmTestReport.SectorResult page32 = report.sectors().get(32);
    assertThat(page32.erase().ok()).isFalse();
    assertThat(page32.changed()).containsExactly(new AlgorithmTestReport.Range(0x0800_0000L, 0x800));
    assertThat(page32.program().ok()).isFalse();
    // Every later sector is wrong too, each time at its own page minus 32: the refill made it visible.
    assertThat(report.sectors().get(33).changed())
        .containsExactly(new AlgorithmTestReport.Range(0x0800_0800L, 0x800));
  }

  @Test
  void passesOurStm32g4AlgorithmOnEverySectorAndLeavesTheFlashErased() {
    // The correct build of the same source: all 64 pages, EraseChip, no Verify or BlankCheck.
    TestDevice device = TestDevice.of(TestDevice.G4);
    AlgorithmTestReport report = AlgorithmTester.test(device.emulator, device.placed, device.region,
        CallLimits.emulator(), FlashListener.NONE);

    assertThat(report.problem()).isEmpty();
    assertThat(report.sectors()).hasSize(64).allMatch(AlgorithmTestReport.SectorResult::ok);
    assertThat(report.sectors().get(5).changed())
        .containsExactly(new AlgorithmTestReport.Range(0x0800_2800L, 0x800));
    assertThat(report.sectors().get(5).verify()).isEmpty();
    assertThat(report.eraseChip()).hasValue(AlgorithmTestReport.Check.passed());
    assertThat(report.blankCheck()).isEmpty();
    byte[] erased = new byte[0x2_0000];
    Arrays.fill(erased, (byte) 0xFF);
    assertThat(device.flash(0x0800_0000L, erased.length)).isEqualTo(erased);
  }

  @ParameterizedTest
  @ValueSource(strings = {"sfc_m0_O0", "sfc_m0_Os", "sfc_m0_O2", "sfc_m4_O0", "sfc_m4_Os", "sfc_m4_O2"})
  void passesEverySfcBuildIncludingItsVerify(String build) {
    // The SFC algorithms have sectors of two sizes (4 KiB and 32 KiB), EraseChip and Verify.
    Core core = build.contains("m0") ? Core.CORTEX_M0 : Core.CORTEX_M4;
    TestDevice device = TestDevice.of("test-algorithms/build/" + build + ".flm", core, TestDevice.RAM);
    AlgorithmTestReport report = AlgorithmTester.test(device.emulator, device.placed, device.region,
        CallLimits.emulator(), FlashListener.NONE);

    assertThat(report.problem()).isEmpty();
    assertThat(report.sectors()).extracting(r -> r.sector().size())
        .isEqualTo(List.of(0x1000L, 0x1000L, 0x1000L, 0x1000L, 0x1000L, 0x1000L, 0x1000L, 0x1000L,
            0x8000L, 0x8000L, 0x8000L));
    assertThat(report.sectors()).allMatch(r -> r.verify().orElseThrow().ok());
    assertThat(report.eraseChip()).hasValue(AlgorithmTestReport.Check.passed());
  }

  @Test
  void stopsWithTheFailureWhenInitFails() {
    // Without a controller Init faults: nothing else can be tested.
    TestDevice device = TestDevice.withoutModel(TestDevice.G4, false);
    AlgorithmTestReport report = AlgorithmTester.test(device.emulator, device.placed, device.region,
        CallLimits.emulator(), FlashListener.NONE);
    assertThat(report.passed()).isFalse();
    assertThat(report.problem().orElseThrow()).startsWith("flash init fault (address 0x08000000)");
    assertThat(report.sectors()).isEmpty();
    assertThat(report.diagnosis()).hasValueSatisfying(d -> assertThat(d).contains("bus error at 0x40022010"));
  }

  @Test
  void aHangSaysWhichAddressTheAlgorithmPolled() {
    // Our nRF52 algorithm waits for NVMC READY; on a permissive bus without the model it reads 0 for
    // ever. A small assumed core rate (100 instructions per ms) keeps the hang short.
    TestDevice device = TestDevice.withoutModel(TestDevice.NRF52, true);
    AlgorithmTestReport report = AlgorithmTester.test(device.emulator, device.placed, device.region,
        new CallLimits.Counted(100, java.time.Duration.ofMinutes(1)), FlashListener.NONE);
    assertThat(report.passed()).isFalse();
    assertThat(report.problem().orElseThrow()).contains("timeout").contains("why: ")
        .contains("kept polling 0x4001E400");
    assertThat(report.diagnosis()).hasValueSatisfying(d -> assertThat(d).contains("kept polling 0x4001E400"));
  }
}
