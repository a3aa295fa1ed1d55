package dev.packs.cli;

import dev.packs.flash.AlgorithmTestReport;
import dev.packs.flash.AlgorithmTestReport.Check;
import dev.packs.flash.FlashRegion;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What {@code packs algo test} found, shaped for {@code --json}: the documented fields ({@code algorithm},
 * {@code device}, {@code passed}, {@code sectors}, {@code eraseChip}, {@code seconds}) describe the first
 * region tested, with every region's sectors; {@code regions} lists each region on its own. {@code
 * diagnosis} says why the call behind {@code problem} faulted or hung, when the target could tell (the
 * emulator names the register it polled or the unmodelled address it touched); else null.
 */
record AlgoTestReport(Algorithm algorithm, String device, String probe, boolean passed, String problem,
    List<Sector> sectors, Ok eraseChip, Ok blankCheck, long calls, double seconds, List<Region> regions,
    String diagnosis) {
  AlgoTestReport {
    sectors = List.copyOf(sectors);
    regions = List.copyOf(regions);
  }

  record Algorithm(String path, String sha256) {}

  record Ok(boolean ok) {}

  record Range(long start, long size) {}

  record Erase(boolean ok, List<Range> changed) {}

  record Sector(long start, long size, Erase erase, Ok program, Ok verify) {}

  record Region(String name, long start, long size, Algorithm algorithm, boolean passed, String problem,
      String diagnosis) {}

  /** One region's test as run: the algorithm's label for people, and the report. */
  record Tested(String label, Algorithm algorithm, AlgorithmTestReport report) {}

  static AlgoTestReport of(String device, String probe, List<Tested> tested, double seconds) {
    List<Sector> sectors = tested.stream().flatMap(t -> t.report().sectors().stream())
        .map(s -> new Sector(s.sector().start(), s.sector().size(),
            new Erase(s.erase().ok(), s.changed().stream().map(r -> new Range(r.start(), r.size())).toList()),
            new Ok(s.program().ok()), s.verify().map(v -> new Ok(v.ok())).orElse(null)))
        .toList();
    Ok chip = merged(tested.stream().map(t -> t.report().eraseChip()).toList());
    Ok blank = merged(tested.stream().map(t -> t.report().blankCheck()).toList());
    List<Region> regions = tested.stream().map(t -> {
      FlashRegion r = t.report().region();
      return new Region(r.name(), r.start(), r.size(), t.algorithm(), t.report().passed(),
          t.report().problem().orElse(null), t.report().diagnosis().orElse(null));
    }).toList();
    Optional<AlgorithmTestReport> failed = tested.stream().map(Tested::report).filter(r -> !r.passed()).findFirst();
    String problem = failed.flatMap(AlgorithmTestReport::problem).orElse(null);
    return new AlgoTestReport(tested.get(0).algorithm(), device, probe, problem == null, problem, sectors, chip,
        blank, tested.stream().mapToLong(t -> t.report().calls()).sum(), Math.round(seconds * 1000) / 1000.0,
        regions, failed.flatMap(AlgorithmTestReport::diagnosis).orElse(null));
  }

  private static Ok merged(List<Optional<Check>> checks) {
    List<Check> present = checks.stream().flatMap(Optional::stream).toList();
    return present.isEmpty() ? null : new Ok(present.stream().allMatch(Check::ok));
  }

  static void print(PrintWriter out, String device, String probe, List<Tested> tested, double seconds) {
    for (Tested t : tested) {
      AlgorithmTestReport report = t.report();
      FlashRegion region = report.region();
      out.printf(Locale.ROOT, "algorithm  %s (sha256 %s)%n", t.label(), t.algorithm().sha256().substring(0, 16));
      out.printf(Locale.ROOT, "device     %s on %s%n", device, probe);
      out.printf(Locale.ROOT, "region     %s %s..%s: %d sectors, page 0x%X, erased 0x%02X%n%n", region.name(),
          Addresses.hex(region.start()), Addresses.hex(region.end() - 1), region.sectors().size(),
          region.pageSize(), region.erasedValue());
      Table table = new Table("SECTOR", "SIZE", "ERASE", "PROGRAM", "VERIFY", "");
      for (AlgorithmTestReport.SectorResult s : report.sectors()) {
        table.row(Addresses.hex(s.sector().start()), String.format("0x%X", s.sector().size()), word(s.erase()),
            word(s.program()), s.verify().map(AlgoTestReport::word).orElse("-"), note(s));
      }
      table.print(out, "");
      out.printf(Locale.ROOT, "EraseChip   %s%n", report.eraseChip().map(AlgoTestReport::word).orElse("-"));
      out.printf(Locale.ROOT, "BlankCheck  %s%n%n", report.blankCheck().map(AlgoTestReport::word).orElse("-"));
    }
    Optional<String> problem = tested.stream().flatMap(t -> t.report().problem().stream()).findFirst();
    long calls = tested.stream().mapToLong(t -> t.report().calls()).sum();
    if (problem.isPresent()) {
      out.printf(Locale.ROOT, "FAILED: %s%n", problem.get());
    } else {
      int sectors = tested.stream().mapToInt(t -> t.report().sectors().size()).sum();
      out.printf(Locale.ROOT, "PASSED: every sector (%d) erased alone, programmed and read back (%d calls, %.1f s)%n",
          sectors, calls, seconds);
    }
  }

  private static String word(Check check) {
    return check.ok() ? "ok" : "FAIL";
  }

  /** For a bad sector, what EraseSector changed, else what went wrong. */
  private static String note(AlgorithmTestReport.SectorResult s) {
    if (s.ok()) {
      return "";
    }
    if (!s.erase().ok()) {
      return s.changed().isEmpty() ? "erased nothing" : "changed " + s.changed().stream()
          .map(Object::toString).reduce((a, b) -> a + ", " + b).orElse("");
    }
    return s.program().ok() ? s.verify().flatMap(Check::problem).orElse("") : s.program().problem().orElse("");
  }
}
