package dev.packs.flash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.packs.target.StopReason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlgorithmSessionTest {
  private static final long FLASH = 0x0800_0000L;

  @Test
  void erasesAndProgramsAPageAndUnInitsOnClose() throws Exception {
    // Our own STM32G4 algorithm on the STM32G4 controller model: it locks FLASH_CR in UnInit.
    TestDevice device = TestDevice.of(TestDevice.G4);
    byte[] page = new byte[0x800];
    Arrays.fill(page, (byte) 0x3C);
    try (AlgorithmSession session = device.session()) {
      session.begin(Operation.PROGRAM);
      session.programPage(FLASH + 0x800, page);
      assertThat(device.flash(FLASH + 0x800, 0x800)).isEqualTo(page);
      session.begin(Operation.ERASE);
      session.eraseSector(FLASH + 0x800);
      assertThat(session.operation()).contains(Operation.ERASE);
    }
    byte[] erased = new byte[0x800];
    Arrays.fill(erased, (byte) 0xFF);
    assertThat(device.flash(FLASH + 0x800, 0x800)).isEqualTo(erased);
    assertThat(device.emulator.readWord(0x4002_2014L) & 0x8000_0000).as("FLASH_CR.LOCK").isNotZero();
  }

  @Test
  void countsCallsAndReportsEachToTheListener() throws Exception {
    // Init, ProgramPage and UnInit: three calls, each reported with its arguments.
    TestDevice device = TestDevice.of(TestDevice.G4);
    List<CallResult> seen = new ArrayList<>();
    AlgorithmSession session = AlgorithmSession.load(device.emulator, device.placed, CallLimits.emulator(),
        new FlashListener() {
          @Override
          public void called(CallResult call) {
            seen.add(call);
          }
        });
    session.begin(Operation.PROGRAM);
    session.programPage(FLASH, new byte[8]);
    session.close();
    assertThat(session.calls()).isEqualTo(3);
    assertThat(seen).extracting(CallResult::call).containsExactly("Init(0x08000000, 0x00000000, 0x00000002)",
        String.format("ProgramPage(0x08000000, 0x00000008, 0x%08X)", device.placed.pageBuffers().get(0)),
        "UnInit(0x00000002)");
    assertThat(seen).allMatch(CallResult::succeeded);
  }

  @Test
  void aNonZeroResultReadsLikePyocd() throws Exception {
    // Our G4 algorithm returns 1 for an address past its 128 KiB.
    TestDevice device = TestDevice.of(TestDevice.G4);
    AlgorithmSession session = device.session();
    session.begin(Operation.ERASE);
    assertThatThrownBy(() -> session.eraseSector(0x0802_0000L))
        .isInstanceOfSatisfying(FlashException.AlgorithmFailed.class, e -> {
          assertThat(e).hasMessage("flash erase sector failure (address 0x08020000; result code 0x1)");
          assertThat(e.function()).isEqualTo("EraseSector");
          assertThat(e.address()).isEqualTo(0x0802_0000L);
        });
  }

  @Test
  void aFaultNamesThePcAndTheAddress() {
    // Without a controller model nothing answers at FLASH_SR, so Init's first read is a bus fault.
    TestDevice device = TestDevice.withoutModel(TestDevice.G4, false);
    AlgorithmSession session = device.session();
    assertThatThrownBy(() -> session.begin(Operation.ERASE))
        .isInstanceOf(FlashException.AlgorithmFailed.class)
        .hasMessageStartingWith("flash init fault (address 0x08000000): BUS_ERROR at pc 0x2000")
        .hasMessageContaining("accessing 0x40022010")
        .hasMessageContaining("in Init(0x08000000, 0x00000000, 0x00000001); why: bus error at 0x40022010");
  }

  @Test
  void aTimeoutNamesTheFunctionAndTheAddress() {
    // Our nRF52 algorithm waits for NVMC READY; plain memory in its place reads 0 for ever. A small
    // assumed core rate keeps the hang short: 500 ms at 100 instructions per millisecond.
    TestDevice device = TestDevice.withoutModel(TestDevice.NRF52, true);
    AlgorithmSession session = AlgorithmSession.load(device.emulator, device.placed,
        new CallLimits.Counted(100, Duration.ofMinutes(1)), FlashListener.NONE);
    CallResult hung = session.call(AlgorithmFunction.ERASE_SECTOR, 0x1000);
    assertThat(hung.halt().reason()).isEqualTo(StopReason.LIMIT);
    assertThat(hung.halt().instructions()).isEqualTo(50_000);
    assertThatThrownBy(() -> session.eraseSector(0x1000))
        .isInstanceOf(FlashException.AlgorithmFailed.class)
        .hasMessageStartingWith("flash erase sector timeout (address 0x00001000): EraseSector(0x00001000)"
            + " did not return within 500 ms (50,000 instructions); stopped at pc 0x2000");
  }

  @Test
  void aHungCallCarriesTheEmulatorsDiagnosis() {
    // Our nRF52 algorithm polls NVMC READY (0x4001E400); without the model plain memory reads 0 for ever.
    TestDevice device = TestDevice.withoutModel(TestDevice.NRF52, true);
    AlgorithmSession session = AlgorithmSession.load(device.emulator, device.placed,
        new CallLimits.Counted(100, Duration.ofMinutes(1)), FlashListener.NONE);
    CallResult hung = session.call(AlgorithmFunction.ERASE_SECTOR, 0x1000);
    assertThat(hung.diagnosis()).hasValueSatisfying(d -> assertThat(d).contains("kept polling 0x4001E400"));
    assertThatThrownBy(() -> session.eraseSector(0x1000))
        .isInstanceOfSatisfying(FlashException.AlgorithmFailed.class, e -> assertThat(e.diagnosis())
            .hasValueSatisfying(d -> assertThat(d).contains("kept polling 0x4001E400")))
        .hasMessageContaining("; why: ").hasMessageContaining("kept polling 0x4001E400");
  }

  @Test
  void aMissingOptionalFunctionIsRefusedByName() {
    // Our G4 algorithm has no Verify.
    TestDevice device = TestDevice.of(TestDevice.G4);
    AlgorithmSession session = device.session();
    assertThat(session.has(AlgorithmFunction.VERIFY)).isFalse();
    assertThat(session.has(AlgorithmFunction.ERASE_CHIP)).isTrue();
    assertThatThrownBy(() -> session.call(AlgorithmFunction.VERIFY, FLASH, 4, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(TestDevice.G4 + " has no Verify function");
  }

  @Test
  void verifyReturnsTheFirstDifferingAddress() throws Exception {
    // The SFC algorithm's Verify returns adr + sz on success, else the first differing address.
    TestDevice device = TestDevice.of(TestDevice.SFC);
    byte[] data = new byte[0x400];
    Arrays.fill(data, (byte) 0x11);
    try (AlgorithmSession session = device.session()) {
      session.begin(Operation.PROGRAM);
      session.programPage(FLASH, data);
      session.begin(Operation.VERIFY);
      assertThat(session.verify(FLASH, data)).isEmpty();
      data[0x123] = 0x12;
      assertThat(session.verify(FLASH, data)).hasValue(FLASH + 0x123);
    }
  }
}
