package dev.packs.project;

import dev.packs.cache.AlgorithmCache;
import dev.packs.cache.AlgorithmCacheException;
import dev.packs.flm.AlgorithmExport;
import dev.packs.flm.ExportedAlgorithm;
import dev.packs.flm.FlashAlgorithm;
import dev.packs.flm.FlashDevice;
import dev.packs.flm.RamWindow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A target resolved to one device of one installed pack: its memory map and, per flash region, the
 * flash algorithm chosen and why.
 *
 * @param target the name the user asked for
 * @param device the device name (Dname or Dvariant) it matched
 * @param processor the processor (Pname) on multicore parts
 * @param pack the pack the device came from
 * @param packWhy why this pack was used
 * @param memories the memory map, sorted by start address
 * @param flashRegions the flash regions, sorted by start address
 */
public record ResolvedTarget(
    String target,
    String device,
    Optional<String> processor,
    PackRef pack,
    String packWhy,
    List<Memory> memories,
    List<FlashRegion> flashRegions) {

  public ResolvedTarget {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(processor, "processor");
    Objects.requireNonNull(pack, "pack");
    Objects.requireNonNull(packWhy, "packWhy");
    memories = List.copyOf(memories);
    flashRegions = List.copyOf(flashRegions);
  }

  /**
   * The algorithms this target flashes with, one per flash region that has one, read through the
   * cache (so a second export never reopens the FLMs). Each is named after its file's stem, is the
   * region's default, and carries the RAM window the resolution chose.
   *
   * @throws AlgorithmCacheException if an algorithm file cannot be read
   * @throws dev.packs.flm.FlmFormatException if one is not a usable FLM
   */
  public List<ExportedAlgorithm> exportedAlgorithms(AlgorithmCache cache) throws AlgorithmCacheException {
    List<ExportedAlgorithm> out = new ArrayList<>();
    for (FlashRegion region : flashRegions) {
      if (region.algorithm().isEmpty()) {
        continue;
      }
      Algorithm a = region.algorithm().get();
      FlashAlgorithm algo = cache.load(a.path());
      out.add(new ExportedAlgorithm(AlgorithmExport.nameOf(a.file()), true, algo, a.ram()));
    }
    return List.copyOf(out);
  }

  /** An installed pack, exactly. */
  public record PackRef(String vendor, String name, String version) {
    public PackRef {
      Objects.requireNonNull(vendor, "vendor");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(version, "version");
    }

    @Override
    public String toString() {
      return vendor + "::" + name + "@" + version;
    }
  }

  /** One memory of the device's map. */
  public record Memory(String name, long start, long size, String access, boolean isDefault, boolean startup) {
    public Memory {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(access, "access");
    }
  }

  /**
   * A flash region and the algorithm that programs it.
   *
   * @param candidates the file names of every algorithm the pack offers for the region
   * @param algorithm the chosen one; empty when none covers the region, or when the region lies
   *     outside the flash memories (external or option-byte flash) and the pack marks none of its
   *     algorithms default
   */
  public record FlashRegion(String name, long start, long size, List<String> candidates, Optional<Algorithm> algorithm) {
    public FlashRegion {
      Objects.requireNonNull(name, "name");
      candidates = List.copyOf(candidates);
      Objects.requireNonNull(algorithm, "algorithm");
    }

    /** A region whose candidates are not listed. */
    public FlashRegion(String name, long start, long size, Optional<Algorithm> algorithm) {
      this(name, start, size, List.of(), algorithm);
    }
  }

  /** Where a chosen algorithm comes from. */
  public enum Origin {
    /** A {@code .FLM} inside the installed pack. */
    PACK,
    /** A local {@code .flm} named in {@code packs.yaml}. */
    LOCAL
  }

  /** Why an algorithm was chosen, as {@code packs target show} reports it. */
  public enum Reason {
    PACK_DEFAULT("pack default"),
    PINNED_PACK("pinned pack"),
    USER_CHOICE("user choice"),
    LOCAL_OVERRIDE("local override");

    private final String label;

    Reason(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /**
   * The algorithm chosen for a region.
   *
   * @param file the name as the pack lists it, or the override path as written in {@code packs.yaml}
   * @param path the file on disk
   * @param start the start of the range the algorithm programs
   * @param size the size of that range
   * @param ram the RAM window from the pack ({@code RAMstart}/{@code RAMsize}) or {@code packs.yaml}
   * @param sha256 the file's SHA-256, lower-case hex
   * @param flashDevice the file's FlashDevice header: device name, page size, timeouts
   * @param why one sentence for humans
   */
  public record Algorithm(
      Origin origin,
      String file,
      Path path,
      long start,
      long size,
      Optional<RamWindow> ram,
      String sha256,
      FlashDevice flashDevice,
      Reason reason,
      String why) {
    public Algorithm {
      Objects.requireNonNull(origin, "origin");
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(ram, "ram");
      if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
        throw new IllegalArgumentException("not a sha256: " + sha256);
      }
      Objects.requireNonNull(flashDevice, "flashDevice");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(why, "why");
    }
  }
}
