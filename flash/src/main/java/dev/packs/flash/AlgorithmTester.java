package dev.packs.flash;

import dev.packs.flm.PlacedAlgorithm;
import dev.packs.target.Target;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * Tests a flash algorithm on one region, sector by sector: fill the flash with a known pattern (never
 * the erased value); then for each sector make sure every sector holds its pattern again (re-program
 * what earlier steps erased, or a wrong-sector erase of an already erased sector would go unseen),
 * EraseSector, check that exactly that sector became erased and nothing else changed, ProgramPage
 * every page of it with its pattern and read it back, and Verify when the algorithm has it. Then
 * EraseChip and BlankCheck where present, and UnInit. The flash is left erased.
 */
public final class AlgorithmTester {
  private final Target target;
  private final AlgorithmSession session;
  private final FlashRegion region;
  private final int erased;
  private final List<AlgorithmTestReport.Check> problems = new ArrayList<>();
  private byte[] current;

  private AlgorithmTester(Target target, AlgorithmSession session, FlashRegion region) {
    this.target = target;
    this.session = session;
    this.region = region;
    this.erased = region.erasedValue();
  }

  /** Loads {@code placed} into {@code target} and tests it on {@code region}. */
  public static AlgorithmTestReport test(Target target, PlacedAlgorithm placed, FlashRegion region,
      CallLimits limits, FlashListener listener) {
    AlgorithmSession session = AlgorithmSession.load(target, placed, limits, listener);
    return new AlgorithmTester(target, session, region).run();
  }

  private AlgorithmTestReport run() {
    List<AlgorithmTestReport.SectorResult> sectors = new ArrayList<>();
    Optional<AlgorithmTestReport.Check> chip = Optional.empty();
    Optional<AlgorithmTestReport.Check> blank = Optional.empty();
    try {
      current = target.read(region.start(), size());
      for (Sector sector : region.sectors()) {
        restorePattern();
        AlgorithmTestReport.SectorResult result = testSector(sector);
        sectors.add(result);
        firstProblem(result.erase(), result.program(), result.verify().orElse(AlgorithmTestReport.Check.passed()));
      }
      chip = eraseChip();
      chip.ifPresent(this::firstProblem);
      blank = blankCheck();
      blank.ifPresent(this::firstProblem);
      leaveErased();
      session.close();
    } catch (FlashException.AlgorithmFailed e) {
      problems.add(AlgorithmTestReport.Check.failed(e));
    } catch (FlashException e) {
      problems.add(AlgorithmTestReport.Check.failed(e.getMessage()));
    }
    Optional<AlgorithmTestReport.Check> first = problems.stream().findFirst();
    return new AlgorithmTestReport(region, sectors, chip, blank, first.flatMap(AlgorithmTestReport.Check::problem),
        session.calls(), first.flatMap(AlgorithmTestReport.Check::diagnosis));
  }

  private void firstProblem(AlgorithmTestReport.Check... checks) {
    for (AlgorithmTestReport.Check check : checks) {
      if (!check.ok()) {
        problems.add(check.problem().isPresent() ? check : AlgorithmTestReport.Check.failed("a check failed"));
        return;
      }
    }
  }

  private AlgorithmTestReport.SectorResult testSector(Sector sector) throws FlashException {
    session.begin(Operation.ERASE);
    byte[] before = current.clone();
    AlgorithmTestReport.Check erase = AlgorithmTestReport.Check.passed();
    try {
      session.eraseSector(sector.start());
    } catch (FlashException.AlgorithmFailed e) {
      erase = AlgorithmTestReport.Check.failed(e);
    }
    current = target.read(region.start(), size());
    List<AlgorithmTestReport.Range> changed = changes(before, current);
    boolean sectorErased = isErased(sector);
    if (erase.ok() && (!sectorErased || !changed.equals(List.of(range(sector))))) {
      erase = AlgorithmTestReport.Check.failed(wrongErase(sector, changed));
    }
    if (!sectorErased) {
      String skipped = String.format("not run: sector %s is not erased", sector);
      return new AlgorithmTestReport.SectorResult(sector, erase, changed, AlgorithmTestReport.Check.failed(skipped),
          session.has(AlgorithmFunction.VERIFY) ? Optional.of(AlgorithmTestReport.Check.failed(skipped))
              : Optional.empty());
    }
    AlgorithmTestReport.Check program = program(sector);
    Optional<AlgorithmTestReport.Check> verify = session.has(AlgorithmFunction.VERIFY)
        ? Optional.of(program.ok() ? verify(sector)
            : AlgorithmTestReport.Check.failed("not run: ProgramPage failed"))
        : Optional.empty();
    return new AlgorithmTestReport.SectorResult(sector, erase, changed, program, verify);
  }

  private String wrongErase(Sector sector, List<AlgorithmTestReport.Range> changed) {
    boolean allErased = changed.stream().allMatch(r -> isErased(r.start(), r.size()));
    String what = changed.isEmpty() ? "erased nothing"
        : (allErased ? "erased " : "changed ")
            + changed.stream().map(Object::toString).collect(Collectors.joining(" and "));
    return String.format("EraseSector(0x%08X) %s instead of %s", sector.start(), what, sector);
  }

  private AlgorithmTestReport.Check program(Sector sector) throws FlashException {
    session.begin(Operation.PROGRAM);
    for (long page = sector.start(); page < sector.end(); page += region.pageSize()) {
      try {
        session.programPage(page, pattern(page, pageLength(sector, page)));
      } catch (FlashException.AlgorithmFailed e) {
        refresh(sector);
        return AlgorithmTestReport.Check.failed(e);
      }
    }
    refresh(sector);
    return mismatch(sector).map(m -> AlgorithmTestReport.Check.failed("after ProgramPage, " + m))
        .orElse(AlgorithmTestReport.Check.passed());
  }

  private AlgorithmTestReport.Check verify(Sector sector) throws FlashException {
    session.begin(Operation.VERIFY);
    for (long page = sector.start(); page < sector.end(); page += region.pageSize()) {
      int length = pageLength(sector, page);
      try {
        OptionalLong bad = session.verify(page, pattern(page, length));
        if (bad.isPresent()) {
          return AlgorithmTestReport.Check.failed(String.format(
              "Verify(0x%08X, 0x%X) returned 0x%08X instead of 0x%08X on flash that holds the data",
              page, length, bad.getAsLong(), page + length));
        }
      } catch (FlashException.AlgorithmFailed e) {
        return AlgorithmTestReport.Check.failed(e);
      }
    }
    return AlgorithmTestReport.Check.passed();
  }

  private Optional<AlgorithmTestReport.Check> eraseChip() throws FlashException {
    if (!region.hasEraseChip()) {
      return Optional.empty();
    }
    restorePattern();
    session.begin(Operation.ERASE);
    try {
      session.eraseChip();
    } catch (FlashException.AlgorithmFailed e) {
      return Optional.of(AlgorithmTestReport.Check.failed(e));
    }
    current = target.read(region.start(), size());
    List<AlgorithmTestReport.Range> left = unerased(region.start(), region.end());
    return Optional.of(left.isEmpty() ? AlgorithmTestReport.Check.passed()
        : AlgorithmTestReport.Check.failed("EraseChip left " + left.stream().map(Object::toString)
            .collect(Collectors.joining(" and ")) + " not erased"));
  }

  /** BlankCheck must call erased flash blank, and a sector with one programmed page not blank. */
  private Optional<AlgorithmTestReport.Check> blankCheck() throws FlashException {
    if (!session.has(AlgorithmFunction.BLANK_CHECK) || region.sectors().isEmpty()) {
      return Optional.empty();
    }
    leaveErased();
    session.begin(Operation.ERASE);
    for (Sector sector : region.sectors()) {
      if (!session.blankCheck(sector.start(), sector.size(), erased)) {
        return Optional.of(AlgorithmTestReport.Check.failed(String.format(
            "BlankCheck(0x%08X, 0x%X) says the erased sector %s is not blank", sector.start(), sector.size(), sector)));
      }
    }
    Sector first = region.sectors().get(0);
    session.begin(Operation.PROGRAM);
    session.programPage(first.start(), pattern(first.start(), pageLength(first, first.start())));
    refresh(first);
    session.begin(Operation.ERASE);
    if (session.blankCheck(first.start(), first.size(), erased)) {
      return Optional.of(AlgorithmTestReport.Check.failed(String.format(
          "BlankCheck(0x%08X, 0x%X) says the programmed sector %s is blank", first.start(), first.size(), first)));
    }
    return Optional.of(AlgorithmTestReport.Check.passed());
  }

  /**
   * Puts the pattern back into every sector that lost it: erased pages are programmed; a sector with
   * a page that is neither erased nor the pattern is erased first.
   */
  private void restorePattern() throws FlashException {
    for (Sector sector : region.sectors()) {
      if (mismatch(sector).isEmpty()) {
        continue;
      }
      if (!pagesErasedOrPattern(sector)) {
        session.begin(Operation.ERASE);
        session.eraseSector(sector.start());
        current = target.read(region.start(), size());
        if (!isErased(sector)) {
          throw new FlashException.AlgorithmFailed("EraseSector", sector.start(), String.format(
              "EraseSector(0x%08X) did not erase %s while restoring the test pattern", sector.start(), sector));
        }
      }
      session.begin(Operation.PROGRAM);
      for (long page = sector.start(); page < sector.end(); page += region.pageSize()) {
        int length = pageLength(sector, page);
        if (isErased(page, length)) {
          session.programPage(page, pattern(page, length));
        }
      }
      refresh(sector);
      Optional<String> wrong = mismatch(sector);
      if (wrong.isPresent()) {
        throw new FlashException.AlgorithmFailed("ProgramPage", sector.start(),
            "could not write the test pattern into " + sector + ": " + wrong.get());
      }
    }
  }

  /** Erases every sector that is not erased, so the test leaves the flash as erased as it can. */
  private void leaveErased() throws FlashException {
    for (Sector sector : region.sectors()) {
      if (!isErased(sector)) {
        session.begin(Operation.ERASE);
        session.eraseSector(sector.start());
        refresh(sector);
      }
    }
  }

  private boolean pagesErasedOrPattern(Sector sector) {
    for (long page = sector.start(); page < sector.end(); page += region.pageSize()) {
      int length = pageLength(sector, page);
      int offset = offset(page);
      if (!isErased(page, length)
          && !Arrays.equals(current, offset, offset + length, pattern(page, length), 0, length)) {
        return false;
      }
    }
    return true;
  }

  /** The first byte of {@code sector} that does not hold the pattern, in plain words. */
  private Optional<String> mismatch(Sector sector) {
    byte[] want = pattern(sector.start(), (int) sector.size());
    int offset = offset(sector.start());
    int at = Arrays.mismatch(current, offset, offset + want.length, want, 0, want.length);
    if (at < 0) {
      return Optional.empty();
    }
    return Optional.of(String.format("0x%08X reads 0x%02X instead of 0x%02X",
        sector.start() + at, current[offset + at] & 0xFF, want[at] & 0xFF));
  }

  private void refresh(Sector sector) {
    byte[] now = target.read(sector.start(), (int) sector.size());
    System.arraycopy(now, 0, current, offset(sector.start()), now.length);
  }

  /** The test pattern: a byte that depends on every byte of its address and is never the erased value. */
  byte[] pattern(long address, int length) {
    byte[] out = new byte[length];
    for (int i = 0; i < length; i++) {
      long a = address + i;
      int b = (int) ((a ^ (a >>> 8) ^ (a >>> 16) ^ (a >>> 24)) & 0xFF) ^ 0x5A;
      out[i] = (byte) (b == erased ? b ^ 0x0F : b);
    }
    return out;
  }

  private List<AlgorithmTestReport.Range> changes(byte[] before, byte[] after) {
    List<AlgorithmTestReport.Range> out = new ArrayList<>();
    int i = 0;
    while (i < before.length) {
      int at = Arrays.mismatch(before, i, before.length, after, i, after.length);
      if (at < 0) {
        break;
      }
      int start = i + at;
      int end = start;
      while (end < before.length && before[end] != after[end]) {
        end++;
      }
      out.add(new AlgorithmTestReport.Range(region.start() + start, end - start));
      i = end;
    }
    return out;
  }

  private List<AlgorithmTestReport.Range> unerased(long from, long to) {
    List<AlgorithmTestReport.Range> out = new ArrayList<>();
    long runStart = -1;
    for (long a = from; a < to; a++) {
      boolean bad = (current[offset(a)] & 0xFF) != erased;
      if (bad && runStart < 0) {
        runStart = a;
      } else if (!bad && runStart >= 0) {
        out.add(new AlgorithmTestReport.Range(runStart, a - runStart));
        runStart = -1;
      }
    }
    if (runStart >= 0) {
      out.add(new AlgorithmTestReport.Range(runStart, to - runStart));
    }
    return out;
  }

  private boolean isErased(Sector sector) {
    return isErased(sector.start(), sector.size());
  }

  private boolean isErased(long address, long length) {
    int from = offset(address);
    for (int i = from; i < from + length; i++) {
      if ((current[i] & 0xFF) != erased) {
        return false;
      }
    }
    return true;
  }

  private int pageLength(Sector sector, long page) {
    return (int) Math.min(region.pageSize(), sector.end() - page);
  }

  private int offset(long address) {
    return Math.toIntExact(address - region.start());
  }

  private int size() {
    return Math.toIntExact(region.size());
  }

  private static AlgorithmTestReport.Range range(Sector sector) {
    return new AlgorithmTestReport.Range(sector.start(), sector.size());
  }
}
