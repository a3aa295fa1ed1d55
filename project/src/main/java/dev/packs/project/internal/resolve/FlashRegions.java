package dev.packs.project.internal.resolve;

import dev.packs.project.internal.resolve.DeviceEntry.AlgorithmSpec;
import dev.packs.project.internal.resolve.DeviceEntry.MemorySpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Splits a device into flash regions and the algorithms that could program each. A flash memory is
 * one region unless disjoint algorithms cover parts of it (one region per part, e.g. two banks); an
 * algorithm outside every flash memory (option bytes, OTP) gets a region of its own.
 */
final class FlashRegions {
  private FlashRegions() {}

  /**
   * A region, its candidate algorithms, whether it is the boot region {@code flm:} means, and
   * whether it lies outside every flash memory (option bytes, external flash on a board).
   */
  record Region(String name, long start, long size, List<AlgorithmSpec> candidates, boolean boot, boolean extra) {
    Region {
      candidates = List.copyOf(candidates);
    }
  }

  static List<Region> of(DeviceEntry device) {
    List<AlgorithmSpec> algorithms = distinct(device.algorithms().stream()
        .filter(a -> a.processor().isEmpty() || a.processor().equals(device.processor())
            || device.processorCount() <= 1)
        .toList());
    List<MemorySpec> flash = device.memories().stream().filter(MemorySpec::isFlash)
        .sorted(Comparator.comparingLong(MemorySpec::start)).toList();
    Optional<MemorySpec> boot = bootMemory(flash);
    List<Region> regions = new ArrayList<>();
    for (MemorySpec m : flash) {
      List<AlgorithmSpec> over = algorithms.stream().filter(a -> a.overlaps(m.start(), m.end())).toList();
      List<List<AlgorithmSpec>> parts = disjointGroups(over);
      boolean isBoot = boot.isPresent() && boot.get().equals(m);
      if (parts.size() <= 1) {
        regions.add(new Region(m.name(), m.start(), m.size(), over, isBoot, false));
        continue;
      }
      for (List<AlgorithmSpec> part : parts) {
        long from = Math.max(m.start(), part.get(0).start());
        long to = Math.min(m.end(), part.get(0).end());
        regions.add(new Region(m.name(), from, to - from, part, isBoot && from == m.start(), false));
      }
    }
    regions.addAll(extraRegions(algorithms.stream()
        .filter(a -> flash.stream().noneMatch(m -> a.overlaps(m.start(), m.end()))).toList()));
    regions.sort(Comparator.comparingLong(Region::start));
    return regions;
  }

  /**
   * One entry per file and range: descriptors often list the same algorithm at family and device
   * level. It is a default if any listing says so.
   */
  private static List<AlgorithmSpec> distinct(List<AlgorithmSpec> all) {
    List<AlgorithmSpec> out = new ArrayList<>();
    for (AlgorithmSpec a : all) {
      int same = -1;
      for (int i = 0; i < out.size(); i++) {
        AlgorithmSpec b = out.get(i);
        if (b.file().replace('\\', '/').equalsIgnoreCase(a.file().replace('\\', '/'))
            && b.start() == a.start() && b.size() == a.size()) {
          same = i;
        }
      }
      if (same < 0) {
        out.add(a);
      } else if (a.isDefault() && !out.get(same).isDefault()) {
        out.set(same, a);
      }
    }
    return out;
  }

  /**
   * Regions for algorithms outside every flash memory: overlapping ranges (several boards' external
   * flash at one address) form one region spanning them all, named after its first algorithm.
   */
  private static List<Region> extraRegions(List<AlgorithmSpec> outside) {
    List<AlgorithmSpec> sorted = outside.stream().sorted(Comparator.comparingLong(AlgorithmSpec::start)).toList();
    List<Region> out = new ArrayList<>();
    List<AlgorithmSpec> cluster = new ArrayList<>();
    long end = -1;
    for (AlgorithmSpec a : sorted) {
      if (!cluster.isEmpty() && a.start() >= end) {
        out.add(extra(cluster, end));
        cluster = new ArrayList<>();
      }
      cluster.add(a);
      end = Math.max(end, a.end());
    }
    if (!cluster.isEmpty()) {
      out.add(extra(cluster, end));
    }
    return out;
  }

  private static Region extra(List<AlgorithmSpec> cluster, long end) {
    long start = cluster.get(0).start();
    return new Region(baseName(cluster.get(0).file()), start, end - start, cluster, false, true);
  }

  /** The memory marked startup, else default, else the lowest flash. */
  private static Optional<MemorySpec> bootMemory(List<MemorySpec> flash) {
    return flash.stream().filter(MemorySpec::startup).findFirst()
        .or(() -> flash.stream().filter(MemorySpec::isDefault).findFirst())
        .or(() -> flash.stream().findFirst());
  }

  /**
   * Groups algorithms by identical range; returns one group per range when all ranges are disjoint,
   * else a single group holding them all (they compete for the same region).
   */
  private static List<List<AlgorithmSpec>> disjointGroups(List<AlgorithmSpec> over) {
    List<List<AlgorithmSpec>> groups = new ArrayList<>();
    for (AlgorithmSpec a : over) {
      Optional<List<AlgorithmSpec>> same = groups.stream()
          .filter(g -> g.get(0).start() == a.start() && g.get(0).size() == a.size()).findFirst();
      if (same.isPresent()) {
        same.get().add(a);
      } else {
        groups.add(new ArrayList<>(List.of(a)));
      }
    }
    for (int i = 0; i < groups.size(); i++) {
      for (int j = i + 1; j < groups.size(); j++) {
        AlgorithmSpec x = groups.get(i).get(0);
        if (groups.get(j).get(0).overlaps(x.start(), x.end())) {
          return List.of(over);
        }
      }
    }
    groups.sort(Comparator.comparingLong(g -> g.get(0).start()));
    return groups;
  }

  static String baseName(String file) {
    String f = file.replace('\\', '/');
    return f.substring(f.lastIndexOf('/') + 1);
  }
}
