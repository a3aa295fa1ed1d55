package dev.packs.flash;

import dev.packs.cache.AlgorithmCache;
import dev.packs.cache.AlgorithmCacheException;
import dev.packs.flm.AlgorithmPlacer;
import dev.packs.flm.FlashAlgorithm;
import dev.packs.flm.PlacedAlgorithm;
import dev.packs.flm.RamWindow;
import dev.packs.project.ResolvedTarget;
import dev.packs.project.TargetResolver;
import dev.packs.target.Target;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Flashing a target named in the project, as one chain of plain calls: {@link #resolve} the target
 * (pins, {@code algorithm:}, {@code flm:} and {@code ram:} from packs.yaml apply) and load each region's
 * algorithm; then {@link #flash}: read back the sectors the image touches, plan, run.
 */
public final class FlashService {
  private final TargetResolver resolver;
  private final AlgorithmCache algorithms;

  public FlashService(TargetResolver resolver, AlgorithmCache algorithms) {
    this.resolver = Objects.requireNonNull(resolver, "resolver");
    this.algorithms = Objects.requireNonNull(algorithms, "algorithms");
  }

  /**
   * Resolves {@code target} and loads the algorithm of every flash region that has one.
   *
   * @throws dev.packs.project.ProjectException when the target cannot be resolved
   * @throws AlgorithmCacheException when an algorithm file cannot be read
   * @throws FlashException.BadPlan when the target has no RAM to run an algorithm in
   */
  public FlashTarget resolve(String target) throws AlgorithmCacheException, FlashException {
    ResolvedTarget resolved = resolver.resolve(target);
    List<FlashTarget.RegionAlgorithm> programmable = new ArrayList<>();
    for (ResolvedTarget.FlashRegion region : resolved.flashRegions()) {
      if (region.algorithm().isEmpty()) {
        continue;
      }
      ResolvedTarget.Algorithm choice = region.algorithm().get();
      FlashAlgorithm algorithm = algorithms.load(choice.path());
      RamWindow ram = choice.ram().orElseThrow(() -> new FlashException.BadPlan(String.format(
          "target %s: device %s lists no RAM to run %s in; set 'ram:' for the target in packs.yaml",
          target, resolved.device(), choice.file())));
      programmable.add(new FlashTarget.RegionAlgorithm(
          FlashTarget.region(region.name(), region.start(), region.size(), algorithm), algorithm, choice, ram));
    }
    return new FlashTarget(resolved, programmable);
  }

  /**
   * Writes {@code image} into the target's flash: reads back every sector the image touches, plans
   * (smart flash: unchanged sectors are skipped; bytes the image does not cover are kept), runs.
   *
   * @throws FlashException.BadPlan when image data lies outside every region that has an algorithm;
   *     nothing is written then
   */
  public FlashResult flash(FlashTarget flashTarget, Target target, Image image, FlashOptions options,
      FlashListener listener) throws FlashException {
    requireAlgorithms(flashTarget, image);
    List<FlashRegion> regions = flashTarget.flashRegions();
    Image current = readTouched(target, image, regions);
    FlashPlan plan = FlashPlanner.plan(image, regions, current, options.erase());
    listener.planned(plan);
    Map<FlashRegion, PlacedAlgorithm> placed = new HashMap<>();
    return FlashEngine.run(plan, target, region -> placed.computeIfAbsent(region, r -> place(flashTarget, r)),
        options, listener);
  }

  private static PlacedAlgorithm place(FlashTarget flashTarget, FlashRegion region) {
    FlashTarget.RegionAlgorithm entry = flashTarget.algorithmFor(region).orElseThrow();
    return AlgorithmPlacer.place(entry.algorithm(), entry.ram());
  }

  /** Image data in a flash region the resolution found no algorithm for is refused by name. */
  private static void requireAlgorithms(FlashTarget flashTarget, Image image) throws FlashException.BadPlan {
    for (ResolvedTarget.FlashRegion region : flashTarget.resolved().flashRegions()) {
      if (region.algorithm().isEmpty() && image.touches(region.start(), region.size())) {
        throw new FlashException.BadPlan(String.format(
            "the image has data in flash region %s (0x%08X..0x%08X) of %s, which has no flash algorithm;"
                + " choose one with 'packs algo use' or 'packs algo override'; nothing was written",
            region.name(), region.start(), region.start() + region.size() - 1, flashTarget.resolved().device()));
      }
    }
  }

  /** The present content of every sector the image touches, one read per run of adjacent sectors. */
  static Image readTouched(Target target, Image image, List<FlashRegion> regions) {
    List<Image.Segment> segments = new ArrayList<>();
    for (FlashRegion region : regions) {
      long runStart = -1;
      long runEnd = -1;
      for (Sector sector : region.sectors()) {
        if (!image.touches(sector.start(), sector.size())) {
          continue;
        }
        if (sector.start() != runEnd) {
          if (runStart >= 0) {
            segments.add(new Image.Segment(runStart, target.read(runStart, Math.toIntExact(runEnd - runStart))));
          }
          runStart = sector.start();
        }
        runEnd = sector.end();
      }
      if (runStart >= 0) {
        segments.add(new Image.Segment(runStart, target.read(runStart, Math.toIntExact(runEnd - runStart))));
      }
    }
    return Image.of(segments);
  }
}
