package dev.packs.project;

import dev.packs.flm.RamWindow;
import java.util.List;
import java.util.Optional;

/**
 * The one rule for the RAM a flash algorithm runs in, used by target resolution ({@code target show},
 * {@code flash}) and by {@code packs emulate --device}: the pack's {@code RAMstart}/{@code RAMsize} for
 * the algorithm; a {@code RAMstart} without {@code RAMsize} up to the end of the RAM holding it; else
 * the device's default read-write-execute RAM, its default writable RAM, or its first writable RAM.
 * ({@code ram:} in packs.yaml, when set, comes before all of these.)
 */
public final class AlgorithmRam {
  private AlgorithmRam() {}

  /**
   * The window for an algorithm the pack lists with {@code ramStart} and {@code ramSize} (either may be
   * absent) on a device with {@code memories}; empty when the device has no writable memory.
   */
  public static Optional<RamWindow> choose(List<ResolvedTarget.Memory> memories, Optional<Long> ramStart,
      Optional<Long> ramSize) {
    List<ResolvedTarget.Memory> rams = memories.stream()
        .filter(m -> m.access().contains("w") && m.size() > 0).toList();
    if (ramStart.isPresent() && ramSize.isPresent() && ramSize.get() > 0) {
      return Optional.of(new RamWindow(ramStart.get(), ramSize.get()));
    }
    if (ramStart.isPresent()) {
      long start = ramStart.get();
      Optional<RamWindow> rest = rams.stream()
          .filter(m -> start >= m.start() && start < m.start() + m.size()).findFirst()
          .map(m -> new RamWindow(start, m.start() + m.size() - start));
      if (rest.isPresent()) {
        return rest;
      }
    }
    return rams.stream().filter(m -> m.isDefault() && m.access().contains("x")).findFirst()
        .or(() -> rams.stream().filter(ResolvedTarget.Memory::isDefault).findFirst())
        .or(() -> rams.stream().findFirst())
        .map(m -> new RamWindow(m.start(), m.size()));
  }
}
