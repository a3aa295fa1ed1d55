package dev.packs.project.internal.resolve;

import dev.packs.project.ResolvedTarget;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One device of one installed pack, as resolution needs it: its names, processor, memories and
 * algorithms. Built from the index module's device model by {@link InstalledDevices}.
 *
 * @param pack the pack it came from
 * @param packDir where that pack is installed; algorithm file names are relative to it
 * @param name the Dname, or the Dvariant for a variant
 * @param processor the Pname on multicore parts
 * @param processorCount how many processors the device has
 */
public record DeviceEntry(
    ResolvedTarget.PackRef pack,
    Path packDir,
    String name,
    Optional<String> processor,
    int processorCount,
    List<MemorySpec> memories,
    List<AlgorithmSpec> algorithms) {

  public DeviceEntry {
    Objects.requireNonNull(pack, "pack");
    Objects.requireNonNull(packDir, "packDir");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(processor, "processor");
    memories = List.copyOf(memories);
    algorithms = List.copyOf(algorithms);
  }

  /** A memory from the descriptor; {@code access} as in the PDSC ({@code rx}, {@code rwx}, ...). */
  public record MemorySpec(String name, long start, long size, String access, boolean isDefault, boolean startup) {
    long end() {
      return start + size;
    }

    /** Flash: executable and not writable by plain stores, as {@code IROM} memories are. */
    boolean isFlash() {
      return access.contains("x") && !access.contains("w");
    }
  }

  /** An algorithm from the descriptor; {@code file} as the descriptor writes it. */
  public record AlgorithmSpec(
      String file, long start, long size, boolean isDefault, Optional<Long> ramStart, Optional<Long> ramSize,
      Optional<String> processor) {
    long end() {
      return start + size;
    }

    boolean overlaps(long from, long to) {
      return start < to && from < end();
    }
  }
}
