package dev.packs.flash;

import dev.packs.flm.PlacedAlgorithm;
import dev.packs.target.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * Carries out a {@link FlashPlan} on a target, region by region, in named phases: erase (sectors or
 * the chip), program page by page (alternating between two page buffers when the placement has two),
 * then verify (the algorithm's Verify when it has one, else read back and compare). A region with
 * nothing to do never has its algorithm loaded.
 */
public final class FlashEngine {
  private final Target target;
  private final FlashOptions options;
  private final FlashListener listener;

  private FlashEngine(Target target, FlashOptions options, FlashListener listener) {
    this.target = target;
    this.options = options;
    this.listener = listener;
  }

  /**
   * Runs {@code plan} on {@code target}.
   *
   * @param algorithms the placed algorithm of each region of the plan
   * @throws FlashException.AlgorithmFailed when a function fails, faults or times out
   * @throws FlashException.VerifyFailed when the flash does not hold what was programmed
   */
  public static FlashResult run(FlashPlan plan, Target target, Function<FlashRegion, PlacedAlgorithm> algorithms,
      FlashOptions options, FlashListener listener) throws FlashException {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(algorithms, "algorithms");
    FlashEngine engine = new FlashEngine(Objects.requireNonNull(target, "target"),
        Objects.requireNonNull(options, "options"), Objects.requireNonNull(listener, "listener"));
    List<FlashResult.RegionResult> results = new ArrayList<>();
    long calls = 0;
    for (FlashPlan.RegionPlan region : plan.regions()) {
      if (!hasWork(region)) {
        results.add(result(region));
        continue;
      }
      PlacedAlgorithm placed = Objects.requireNonNull(algorithms.apply(region.region()),
          () -> "no algorithm for " + region.region().name());
      try (AlgorithmSession session = AlgorithmSession.load(target, placed, options.limits(), listener)) {
        engine.erase(session, region);
        engine.program(session, region);
        if (options.verify()) {
          engine.verify(session, region);
        }
        session.end();
        calls += session.calls();
      }
      results.add(result(region));
    }
    return new FlashResult(results, calls, options.verify());
  }

  private static boolean hasWork(FlashPlan.RegionPlan region) {
    return region.chipErase() || !region.erase().isEmpty() || !region.program().isEmpty();
  }

  private void erase(AlgorithmSession session, FlashPlan.RegionPlan region) throws FlashException {
    if (region.chipErase()) {
      session.begin(Operation.ERASE);
      session.eraseChip();
      listener.erased(region.region().size());
      return;
    }
    if (region.erase().isEmpty()) {
      return;
    }
    session.begin(Operation.ERASE);
    for (Sector sector : region.erase()) {
      session.eraseSector(sector.start());
      listener.erased(sector.size());
    }
  }

  private void program(AlgorithmSession session, FlashPlan.RegionPlan region) throws FlashException {
    if (region.program().isEmpty()) {
      return;
    }
    session.begin(Operation.PROGRAM);
    for (FlashPlan.Page page : region.program()) {
      session.programPage(page.address(), page.data());
      listener.programmed(page.size());
    }
  }

  /** With the algorithm's Verify when it has one; else after UnInit, by reading each run of pages back. */
  private void verify(AlgorithmSession session, FlashPlan.RegionPlan region) throws FlashException {
    if (region.program().isEmpty()) {
      return;
    }
    if (session.has(AlgorithmFunction.VERIFY)) {
      session.begin(Operation.VERIFY);
      for (FlashPlan.Page page : region.program()) {
        byte[] data = page.data();
        OptionalLong bad = session.verify(page.address(), data);
        if (bad.isPresent()) {
          long at = bad.getAsLong();
          boolean inside = at >= page.address() && at < page.address() + data.length;
          long where = inside ? at : page.address();
          byte[] actual = target.read(where, 1);
          throw new FlashException.VerifyFailed(where, data[(int) (where - page.address())] & 0xFF, actual[0] & 0xFF);
        }
        listener.verified(data.length);
      }
      return;
    }
    session.end();
    for (List<FlashPlan.Page> run : runs(region.program())) {
      long start = run.get(0).address();
      FlashPlan.Page last = run.get(run.size() - 1);
      byte[] actual = target.read(start, Math.toIntExact(last.address() + last.size() - start));
      for (FlashPlan.Page page : run) {
        byte[] expected = page.data();
        int offset = (int) (page.address() - start);
        for (int i = 0; i < expected.length; i++) {
          if (expected[i] != actual[offset + i]) {
            throw new FlashException.VerifyFailed(page.address() + i, expected[i] & 0xFF, actual[offset + i] & 0xFF);
          }
        }
        listener.verified(expected.length);
      }
    }
  }

  /** The pages split into runs of adjacent pages, so that each run is read back in one transfer. */
  private static List<List<FlashPlan.Page>> runs(List<FlashPlan.Page> pages) {
    List<List<FlashPlan.Page>> runs = new ArrayList<>();
    List<FlashPlan.Page> current = new ArrayList<>();
    for (FlashPlan.Page page : pages) {
      if (!current.isEmpty()) {
        FlashPlan.Page last = current.get(current.size() - 1);
        if (last.address() + last.size() != page.address()) {
          runs.add(current);
          current = new ArrayList<>();
        }
      }
      current.add(page);
    }
    if (!current.isEmpty()) {
      runs.add(current);
    }
    return runs;
  }

  private static FlashResult.RegionResult result(FlashPlan.RegionPlan plan) {
    FlashRegion region = plan.region();
    List<Sector> erased = plan.chipErase() ? region.sectors() : plan.erase();
    long slots = pages(erased, region.pageSize()) + pages(plan.unchanged(), region.pageSize());
    int programmed = plan.program().size();
    long bytes = plan.program().stream().mapToLong(FlashPlan.Page::size).sum();
    return new FlashResult.RegionResult(region, plan.chipErase(), erased.size(), programmed,
        (int) Math.max(0, slots - programmed), bytes);
  }

  private static long pages(List<Sector> sectors, int pageSize) {
    return sectors.stream().mapToLong(s -> (s.size() + pageSize - 1) / pageSize).sum();
  }
}
