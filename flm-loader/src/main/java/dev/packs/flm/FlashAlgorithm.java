package dev.packs.flm;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An immutable flash algorithm parsed from an FLM file by {@link FlmLoader#load}.
 *
 * @param source the label of the file it came from (a path, or a pack and a path inside it)
 * @param sha256 the lowercase hex SHA-256 of the whole file
 * @param device the FlashDevice descriptor
 * @param sectors the sector runs with absolute addresses, in the file's order
 * @param entryPoints the functions, as offsets into the blob with the Thumb bit kept
 * @param sections where code, data and bss sit in the blob
 * @param staticBase the blob offset r9 must hold while the algorithm runs (the start of PrgData)
 * @param blob code, then data, then zeroed bss, exactly as it must be loaded
 */
public record FlashAlgorithm(
    String source,
    String sha256,
    FlashDevice device,
    List<SectorRun> sectors,
    EntryPoints entryPoints,
    Sections sections,
    long staticBase,
    Blob blob) {
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  public FlashAlgorithm {
    Objects.requireNonNull(source, "source");
    if (!SHA256.matcher(Objects.requireNonNull(sha256, "sha256")).matches()) {
      throw new IllegalArgumentException("sha256 must be 64 lowercase hex digits: " + sha256);
    }
    Objects.requireNonNull(device, "device");
    sectors = List.copyOf(sectors);
    if (sectors.isEmpty()) {
      throw new IllegalArgumentException("an algorithm needs at least one sector run");
    }
    Objects.requireNonNull(entryPoints, "entryPoints");
    Objects.requireNonNull(sections, "sections");
    Objects.requireNonNull(blob, "blob");
    U32.check("staticBase", staticBase);
    if (blob.size() != sections.end()) {
      throw new IllegalArgumentException(
          "blob size " + blob.size() + " differs from the sections' end " + sections.end());
    }
  }

  /** The same algorithm labelled with another source, e.g. a second path to identical bytes. */
  public FlashAlgorithm withSource(String newSource) {
    return new FlashAlgorithm(
        newSource, sha256, device, sectors, entryPoints, sections, staticBase, blob);
  }

  /** The sector run containing {@code address}, if the address is in the flash. */
  public Optional<SectorRun> sectorRunAt(long address) {
    return sectors.stream().filter(run -> run.contains(address)).findFirst();
  }
}
