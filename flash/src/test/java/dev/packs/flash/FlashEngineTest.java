package dev.packs.flash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The executor on hand-written plans (the planner is tested on its own), on the emulated device. */
class FlashEngineTest {
  private static final long FLASH = 0x0800_0000L;

  private static FlashOptions options(boolean verify) {
    return new FlashOptions(EraseMode.SECTOR, verify, CallLimits.emulator());
  }

  private static byte[] filled(int length, int value) {
    byte[] data = new byte[length];
    Arrays.fill(data, (byte) value);
    return data;
  }

  /** Erase the given sectors of the device's region and program one page of {@code value} at each. */
  private static FlashPlan plan(TestDevice device, int value, int... sectors) {
    List<Sector> erase = new ArrayList<>();
    List<FlashPlan.Page> program = new ArrayList<>();
    for (int index : sectors) {
      Sector sector = device.region.sectors().get(index);
      erase.add(sector);
      program.add(new FlashPlan.Page(sector.start(), filled(device.region.pageSize(), value)));
    }
    return new FlashPlan(List.of(new FlashPlan.RegionPlan(device.region, false, erase, program, List.of())));
  }

  @Test
  void erasesProgramsAndVerifiesByReadingBack() throws Exception {
    // Our G4 algorithm has no Verify, so the engine reads the pages back; old data in sector 3 goes.
    TestDevice device = TestDevice.of(TestDevice.G4);
    device.emulator.loadFlash(FLASH + 0x1800, filled(0x800, 0x00));
    AtomicLong erased = new AtomicLong();
    AtomicLong programmed = new AtomicLong();
    AtomicLong verified = new AtomicLong();
    FlashListener listener = new FlashListener() {
      @Override
      public void erased(long bytes) {
        erased.addAndGet(bytes);
      }

      @Override
      public void programmed(long bytes) {
        programmed.addAndGet(bytes);
      }

      @Override
      public void verified(long bytes) {
        verified.addAndGet(bytes);
      }
    };

    FlashResult result = FlashEngine.run(plan(device, 0xA5, 3, 4), device.emulator, r -> device.placed,
        options(true), listener);

    assertThat(device.flash(FLASH + 0x1800, 0x1000)).isEqualTo(filled(0x1000, 0xA5));
    assertThat(result.calls()).as("Init, 2 x EraseSector, UnInit, Init, 2 x ProgramPage, UnInit").isEqualTo(8);
    assertThat(result.verified()).isTrue();
    assertThat(result.regions()).singleElement().satisfies(r -> {
      assertThat(r.sectorsErased()).isEqualTo(2);
      assertThat(r.pagesProgrammed()).isEqualTo(2);
      assertThat(r.pagesSkipped()).isZero();
    });
    assertThat(erased).hasValue(0x1000);
    assertThat(programmed).hasValue(0x1000);
    assertThat(verified).hasValue(0x1000);
  }

  @Test
  void verifiesWithTheAlgorithmsVerifyWhenItHasOne() throws Exception {
    // The SFC algorithm has Verify: one Init(VERIFY), one Verify per page, then UnInit.
    TestDevice device = TestDevice.of(TestDevice.SFC);
    List<String> calls = new ArrayList<>();
    FlashListener listener = new FlashListener() {
      @Override
      public void called(CallResult call) {
        calls.add(call.function().symbol());
      }
    };
    FlashEngine.run(plan(device, 0x5A, 0, 9), device.emulator, r -> device.placed, options(true), listener);
    assertThat(calls).containsExactly("Init", "EraseSector", "EraseSector", "UnInit", "Init", "ProgramPage",
        "ProgramPage", "UnInit", "Init", "Verify", "Verify", "UnInit");
  }

  @Test
  void readBackFindsAStuckBit() {
    // A cell at 0x08002010 whose bit 0 reads 0: 0xA5 reads back as 0xA4.
    TestDevice device = TestDevice.of(TestDevice.G4);
    WatchedTarget target = new WatchedTarget(device.emulator);
    target.stickBitZeroAt(FLASH + 0x2010);
    assertThatThrownBy(() -> FlashEngine.run(plan(device, 0xA5, 4), target, r -> device.placed, options(true),
        FlashListener.NONE))
        .isInstanceOfSatisfying(FlashException.VerifyFailed.class, e -> {
          assertThat(e.address()).isEqualTo(FLASH + 0x2010);
          assertThat(e).hasMessage("verify failed at 0x08002010: wrote 0xA5, read 0xA4");
        });
  }

  @Test
  void noVerifyMeansNoReadBack() throws Exception {
    // The same stuck bit goes unnoticed with verification off, and the result says it was not verified.
    TestDevice device = TestDevice.of(TestDevice.G4);
    WatchedTarget target = new WatchedTarget(device.emulator);
    target.stickBitZeroAt(FLASH + 0x2010);
    FlashResult result = FlashEngine.run(plan(device, 0xA5, 4), target, r -> device.placed, options(false),
        FlashListener.NONE);
    assertThat(result.verified()).isFalse();
  }

  @Test
  void alternatesBetweenTwoPageBuffers() throws Exception {
    // 32 KiB of RAM leaves room for two 2 KiB page buffers after our G4 algorithm.
    TestDevice device = TestDevice.of(TestDevice.G4);
    assertThat(device.placed.doubleBuffered()).isTrue();
    WatchedTarget target = new WatchedTarget(device.emulator);
    FlashEngine.run(plan(device, 0x11, 0, 1, 2, 3), target, r -> device.placed, options(false),
        FlashListener.NONE);
    List<Long> buffers = device.placed.pageBuffers();
    assertThat(target.writes.stream().filter(buffers::contains).toList())
        .containsExactly(buffers.get(0), buffers.get(1), buffers.get(0), buffers.get(1));
    assertThat(device.flash(FLASH, 0x2000)).isEqualTo(filled(0x2000, 0x11));
  }

  @Test
  void aRegionWithNothingToDoNeverLoadsItsAlgorithm() throws Exception {
    // Smart flash found every touched sector unchanged: no RAM write, no call, one skipped page each.
    TestDevice device = TestDevice.of(TestDevice.G4);
    WatchedTarget target = new WatchedTarget(device.emulator);
    List<Sector> same = device.region.sectors().subList(0, 3);
    FlashPlan plan = new FlashPlan(List.of(new FlashPlan.RegionPlan(device.region, false, List.of(), List.of(),
        same)));
    FlashResult result = FlashEngine.run(plan, target, r -> {
      throw new AssertionError("no algorithm needed");
    }, options(true), FlashListener.NONE);
    assertThat(target.operations()).isZero();
    assertThat(result.calls()).isZero();
    assertThat(result.regions().get(0).pagesSkipped()).isEqualTo(3);
  }

  @Test
  void chipEraseUsesEraseChip() throws Exception {
    // With chipErase the whole region is erased by one call and counts as all its sectors.
    TestDevice device = TestDevice.of(TestDevice.G4);
    device.emulator.loadFlash(FLASH + 0x1_F800, filled(0x800, 0x00));
    List<String> calls = new ArrayList<>();
    FlashPlan plan = new FlashPlan(List.of(new FlashPlan.RegionPlan(device.region, true, List.of(),
        List.of(new FlashPlan.Page(FLASH, filled(0x800, 0x42))), List.of())));
    FlashResult result = FlashEngine.run(plan, device.emulator, r -> device.placed, options(true),
        new FlashListener() {
          @Override
          public void called(CallResult call) {
            calls.add(call.function().symbol());
          }
        });
    assertThat(calls).containsExactly("Init", "EraseChip", "UnInit", "Init", "ProgramPage", "UnInit");
    assertThat(device.flash(FLASH + 0x1_F800, 0x800)).isEqualTo(filled(0x800, 0xFF));
    assertThat(result.regions().get(0).sectorsErased()).isEqualTo(64);
    assertThat(result.regions().get(0).pagesSkipped()).isEqualTo(63);
  }

  @Test
  void anAlgorithmFailureStopsTheRunWithItsMessage() {
    // Programming over data that was not erased makes the G4 controller set PROGERR: result 1.
    TestDevice device = TestDevice.of(TestDevice.G4);
    device.emulator.loadFlash(FLASH, filled(0x800, 0x00));
    FlashPlan plan = new FlashPlan(List.of(new FlashPlan.RegionPlan(device.region, false, List.of(),
        List.of(new FlashPlan.Page(FLASH, filled(0x800, 0x42))), List.of())));
    assertThatThrownBy(() -> FlashEngine.run(plan, device.emulator, r -> device.placed, options(true),
        FlashListener.NONE))
        .isInstanceOf(FlashException.AlgorithmFailed.class)
        .hasMessage("flash program page failure (address 0x08000000; result code 0x1)");
  }
}
