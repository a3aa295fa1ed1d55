package dev.packs.cache.internal.pack;

import dev.packs.cache.CacheConfig.ZipLimits;
import dev.packs.cache.InvalidPackException;
import dev.packs.cache.InvalidPackException.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Checks a pack archive before anything is extracted: the zip is whole, every entry is safe (no
 * {@code ..}, no absolute path, no symlink, no name a file system refuses), no two entries would be
 * the same file or a file and a folder of one name, the expanded size and compression ratio are
 * capped for each entry and for the whole archive, and there is exactly one {@code .pdsc} at the top
 * level or one folder down.
 */
public final class PackArchive {
  private static final long RATIO_FLOOR = 1 << 20;
  private static final long MAX_DESCRIPTOR = Integer.MAX_VALUE - 16;

  private PackArchive() {}

  /**
   * What inspection found.
   *
   * @param prefix the folder holding the descriptor ({@code ""} or {@code "Folder/"}); only entries
   *     below it are extracted, without it
   * @param descriptorEntry the descriptor's entry name
   * @param descriptor the descriptor's bytes
   * @param expandedBytes the sum of the declared uncompressed sizes
   */
  public record Inspected(String source, String prefix, String descriptorEntry, byte[] descriptor, long expandedBytes) {}

  public static Inspected inspect(Path zip, String source, ZipLimits limits) throws InvalidPackException {
    try (ZipFile file = ZipFile.builder().setPath(zip).get()) {
      List<ZipArchiveEntry> entries = Collections.list(file.getEntries());
      if (entries.size() > limits.maxEntries()) {
        throw invalid(source, null, Problem.TOO_LARGE, entries.size() + " entries, more than " + limits.maxEntries());
      }
      long expanded = 0;
      List<ZipArchiveEntry> descriptors = new ArrayList<>();
      for (ZipArchiveEntry entry : entries) {
        checkSafe(source, entry);
        expanded += checkSize(source, entry, limits, expanded);
        String name = EntryNames.normalize(entry.getName());
        if (!entry.isDirectory() && name.toLowerCase(Locale.ROOT).endsWith(".pdsc") && EntryNames.depth(name) <= 1) {
          descriptors.add(entry);
        }
      }
      checkWholeArchive(source, zip, expanded, limits);
      checkLayout(source, entries);
      ZipArchiveEntry descriptor = onlyDescriptor(source, descriptors);
      String name = EntryNames.normalize(descriptor.getName());
      String prefix = name.contains("/") ? name.substring(0, name.indexOf('/') + 1) : "";
      return new Inspected(source, prefix, name, descriptorBytes(file, descriptor, source), expanded);
    } catch (IOException e) {
      throw invalid(source, null, Problem.NOT_A_ZIP, String.valueOf(e.getMessage()));
    }
  }

  private static void checkSafe(String source, ZipArchiveEntry entry) throws InvalidPackException {
    String raw = entry.getName();
    if (entry.isUnixSymlink()) {
      throw invalid(source, raw, Problem.SYMLINK, "symbolic links are not allowed in a pack");
    }
    if (!EntryNames.isSafe(raw)) {
      throw invalid(source, raw, Problem.UNSAFE_ENTRY, "absolute path or '..' would escape the pack folder");
    }
    java.util.Optional<String> tooLong = EntryNames.tooLongSegment(raw);
    if (tooLong.isPresent()) {
      throw invalid(source, raw, Problem.NAME_TOO_LONG, "a name of " + tooLong.get().getBytes(java.nio.charset.StandardCharsets.UTF_8).length
          + " bytes; file systems allow " + EntryNames.MAX_SEGMENT_BYTES);
    }
  }

  /**
   * Many small entries can add up to a bomb that no single entry reveals: the whole archive's ratio
   * is capped like each large entry's.
   */
  private static void checkWholeArchive(String source, Path zip, long expanded, ZipLimits limits)
      throws IOException, InvalidPackException {
    long archived = Math.max(1, java.nio.file.Files.size(zip));
    if (expanded > RATIO_FLOOR && expanded / archived > limits.maxRatio()) {
      throw invalid(source, null, Problem.SUSPICIOUS_RATIO,
          "the whole archive expands from " + archived + " to " + expanded + " bytes, ratio above " + limits.maxRatio());
    }
  }

  /** No two entries may be one file, and no name may be both a file and a folder. */
  private static void checkLayout(String source, List<ZipArchiveEntry> entries) throws InvalidPackException {
    java.util.Set<String> files = new java.util.HashSet<>();
    java.util.Set<String> folders = new java.util.HashSet<>();
    for (ZipArchiveEntry entry : entries) {
      String name = EntryNames.normalize(entry.getName());
      String path = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
      for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
        folders.add(path.substring(0, slash));
      }
      if (entry.isDirectory()) {
        folders.add(path);
      } else if (!files.add(path)) {
        throw invalid(source, entry.getName(), Problem.CONFLICTING_ENTRIES, "the archive holds this file twice");
      }
    }
    for (ZipArchiveEntry entry : entries) {
      String name = EntryNames.normalize(entry.getName());
      if (!entry.isDirectory() && folders.contains(name)) {
        throw invalid(source, entry.getName(), Problem.CONFLICTING_ENTRIES, "a file and a folder of the same name");
      }
    }
  }

  private static long checkSize(String source, ZipArchiveEntry entry, ZipLimits limits, long sofar)
      throws InvalidPackException {
    long size = entry.getSize();
    long compressed = entry.getCompressedSize();
    if (size < 0 || compressed < 0) {
      throw invalid(source, entry.getName(), Problem.NOT_A_ZIP, "sizes missing from the central directory");
    }
    if (sofar + size > limits.maxExpandedBytes()) {
      throw invalid(source, entry.getName(), Problem.TOO_LARGE, "expands beyond " + limits.maxExpandedBytes() + " bytes");
    }
    if (size > RATIO_FLOOR && size / Math.max(1, compressed) > limits.maxRatio()) {
      throw invalid(
          source,
          entry.getName(),
          Problem.SUSPICIOUS_RATIO,
          size + " bytes from " + compressed + ", ratio above " + limits.maxRatio());
    }
    return size;
  }

  /** The descriptor's bytes, exactly as many as its checked declared size: a lying header expands no further. */
  private static byte[] descriptorBytes(ZipFile file, ZipArchiveEntry entry, String source)
      throws IOException, InvalidPackException {
    long size = entry.getSize();
    if (size > MAX_DESCRIPTOR) {
      throw invalid(source, entry.getName(), Problem.TOO_LARGE, "a descriptor of " + size + " bytes");
    }
    try (InputStream in = file.getInputStream(entry)) {
      byte[] bytes = in.readNBytes((int) size);
      if (in.read() >= 0) {
        throw invalid(source, entry.getName(), Problem.TOO_LARGE, "expands beyond its declared size " + size);
      }
      if (bytes.length != size) {
        throw invalid(source, entry.getName(), Problem.NOT_A_ZIP, "entry data is shorter than its declared size " + size);
      }
      return bytes;
    }
  }

  private static ZipArchiveEntry onlyDescriptor(String source, List<ZipArchiveEntry> found) throws InvalidPackException {
    if (found.isEmpty()) {
      throw invalid(source, null, Problem.NO_DESCRIPTOR, "no .pdsc at the top level or one folder down");
    }
    if (found.size() > 1) {
      List<String> names = found.stream().map(ZipArchiveEntry::getName).toList();
      throw invalid(source, found.get(1).getName(), Problem.MULTIPLE_DESCRIPTORS, "found " + names);
    }
    return found.get(0);
  }

  static InvalidPackException invalid(String source, String entry, Problem problem, String detail) {
    return new InvalidPackException(source, Optional.ofNullable(entry), problem, detail);
  }
}
