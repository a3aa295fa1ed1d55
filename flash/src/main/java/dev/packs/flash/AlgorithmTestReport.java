package dev.packs.flash;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link AlgorithmTester} found, sector by sector.
 *
 * @param region the region tested, with the algorithm's sector table
 * @param sectors one entry per sector tested, in address order (fewer when the test stopped early)
 * @param eraseChip the EraseChip check; empty when the algorithm has none or the test stopped before it
 * @param blankCheck the BlankCheck check; empty when the algorithm has none or the test stopped before it
 * @param problem the first thing that went wrong, in plain words; empty when the algorithm passed
 * @param calls the flash-algorithm functions called
 * @param diagnosis why the call behind {@code problem} faulted or hung, when the target could tell
 */
public record AlgorithmTestReport(FlashRegion region, List<SectorResult> sectors, Optional<Check> eraseChip,
    Optional<Check> blankCheck, Optional<String> problem, long calls, Optional<String> diagnosis) {
  public AlgorithmTestReport {
    Objects.requireNonNull(region, "region");
    sectors = List.copyOf(sectors);
    Objects.requireNonNull(eraseChip, "eraseChip");
    Objects.requireNonNull(blankCheck, "blankCheck");
    Objects.requireNonNull(problem, "problem");
    Objects.requireNonNull(diagnosis, "diagnosis");
  }

  public boolean passed() {
    return problem.isEmpty();
  }

  /** A range of bytes. */
  public record Range(long start, long size) {
    public long end() {
      return start + size;
    }

    @Override
    public String toString() {
      return String.format("0x%08X..0x%08X", start, end() - 1);
    }
  }

  /**
   * One check: passed or not, what was wrong in plain words, and why the call faulted or hung when
   * the target could tell.
   */
  public record Check(boolean ok, Optional<String> problem, Optional<String> diagnosis) {
    public Check {
      Objects.requireNonNull(problem, "problem");
      Objects.requireNonNull(diagnosis, "diagnosis");
    }

    public static Check passed() {
      return new Check(true, Optional.empty(), Optional.empty());
    }

    public static Check failed(String problem) {
      return new Check(false, Optional.of(problem), Optional.empty());
    }

    /** A call that failed: its message, and the target's diagnosis when it has one. */
    public static Check failed(FlashException.AlgorithmFailed e) {
      return new Check(false, Optional.of(e.getMessage()), e.diagnosis());
    }
  }

  /**
   * One sector's results.
   *
   * @param changed the byte ranges EraseSector changed; exactly the sector when it is right
   * @param verify empty when the algorithm has no Verify
   */
  public record SectorResult(Sector sector, Check erase, List<Range> changed, Check program, Optional<Check> verify) {
    public SectorResult {
      Objects.requireNonNull(sector, "sector");
      Objects.requireNonNull(erase, "erase");
      changed = List.copyOf(changed);
      Objects.requireNonNull(program, "program");
      Objects.requireNonNull(verify, "verify");
    }

    public boolean ok() {
      return erase.ok() && program.ok() && verify.map(Check::ok).orElse(true);
    }
  }
}
