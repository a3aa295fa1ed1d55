package dev.packs.emulator;

import dev.packs.flm.PlacementException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The sequence a flash engine runs to reprogram one page: Init, ProgramPage, UnInit, Init,
 * EraseSector, UnInit, and the checks that it did what it says: ProgramPage changes exactly the page
 * it was given (to the data given), EraseSector erases its sector. Option bytes and OTP differ as
 * the hardware does: register-style option bytes are checked with the algorithm's own Verify and
 * are not erased by EraseSector (it does nothing by design), OTP cannot be erased at all.
 */
final class FlashSequence {
  /** What kind of memory an algorithm writes, which decides what "erased" means. */
  enum Kind {
    /** Flash (internal or external) and flash-backed option bytes: program, then erase. */
    FLASH,
    /** Option registers stored by OPTSTRT: checked with the algorithm's Verify; no erase. */
    OPTION_REGISTERS,
    /** One-time programmable: programs once, EraseSector leaves it as it is. */
    OTP
  }

  /** Passed, or the first thing that went wrong, in words. */
  record Outcome(boolean passed, String detail, List<String> calls) {}

  private FlashSequence() {}

  static Outcome run(String flm, String pdsc, String device, Kind kind) {
    VendorAlgorithm a;
    try {
      a = VendorAlgorithm.on(flm, pdsc, device);
    } catch (PlacementException e) {
      return new Outcome(false, "placement: " + e.getMessage(), List.of());
    }
    List<String> log = new ArrayList<>();
    long page = a.start();
    byte[] data = VendorAlgorithm.pattern(page, a.pageSize());
    FlashImage blank = a.emulator.flashImage();
    Optional<String> failed = step(a.init(2), log)
        .or(() -> step(a.programPage(page, data), log))
        .or(() -> step(a.unInit(2), log));
    if (failed.isPresent()) {
      return new Outcome(false, failed.get(), log);
    }
    Optional<String> programmed = checkProgrammed(a, kind, page, data, blank, log);
    if (programmed.isPresent()) {
      return new Outcome(false, programmed.get(), log);
    }
    FlashImage before = a.emulator.flashImage();
    byte[] sectorBefore = a.emulator.read(page, (int) a.sectorSize());
    failed = step(a.init(1), log)
        .or(() -> step(a.eraseSector(page), log))
        .or(() -> step(a.unInit(1), log));
    if (failed.isPresent()) {
      return new Outcome(false, failed.get(), log);
    }
    byte[] sector = a.emulator.read(page, (int) a.sectorSize());
    if (kind == Kind.FLASH) {
      byte[] erased = new byte[sector.length];
      Arrays.fill(erased, (byte) a.algorithm.device().erasedValue());
      if (!Arrays.equals(sector, erased)) {
        return new Outcome(false, "EraseSector left the sector unerased", log);
      }
    } else if (!Arrays.equals(sector, sectorBefore)
        || !a.emulator.changedPages(before, a.pageSize()).isEmpty()) {
      return new Outcome(false, "EraseSector changed " + kind + " memory", log);
    }
    return new Outcome(true, "passed", log);
  }

  private static Optional<String> checkProgrammed(VendorAlgorithm a, Kind kind, long page,
      byte[] data, FlashImage blank, List<String> log) {
    if (kind == Kind.OPTION_REGISTERS) {
      Optional<VendorAlgorithm.Call> verify = a.verify(page, data);
      if (verify.isEmpty()) {
        return Optional.of("option-register algorithm without Verify");
      }
      log.add(verify.get().describe());
      return verify.get().result() == page + data.length ? Optional.empty()
          : Optional.of("Verify after ProgramPage returned 0x" + Long.toHexString(
              verify.get().result()) + ", not the end of the page");
    }
    // Changes are reported at an array's own address: a page written through an alias (the F7
    // ITCM, the L5/U5 secure alias) shows up at the array's address with the same contents.
    List<MemoryRange> changed = a.emulator.changedPages(blank, a.pageSize());
    if (changed.size() != 1 || changed.get(0).size() != data.length
        || !Arrays.equals(a.emulator.read(changed.get(0).start(), data.length), data)) {
      return Optional.of("ProgramPage changed " + changed + ", not just the page at 0x"
          + Long.toHexString(page));
    }
    if (!Arrays.equals(a.emulator.read(page, data.length), data)) {
      return Optional.of("ProgramPage wrote other data than it was given");
    }
    return Optional.empty();
  }

  private static Optional<String> step(VendorAlgorithm.Call call, List<String> log) {
    log.add(call.describe());
    return call.succeeded() ? Optional.empty() : Optional.of(call.describe());
  }
}
