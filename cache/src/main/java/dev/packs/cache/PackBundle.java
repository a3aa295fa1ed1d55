package dev.packs.cache;

import dev.packs.cache.internal.bundle.BundleReader;
import dev.packs.cache.internal.bundle.BundleWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One zip file that carries exactly the pack archives and local files a project's lock needs into a
 * lab with no network, with a manifest of their SHA-256s. Importing checks every file against the
 * manifest and against what the lock needs before anything is installed.
 *
 * <pre>
 * bundle.json                          the manifest: format, creation time, lock digest, entries
 * packs/Vendor.Name.Version.pack       the archives, stored as they are
 * files/N/name.flm                     local files, by the key the manifest gives them
 * </pre>
 */
public final class PackBundle {
  /** The manifest's entry name, first in the zip. */
  public static final String MANIFEST = "bundle.json";

  private PackBundle() {}

  /**
   * A pack the lock needs, and the SHA-256 of each member it relies on.
   *
   * @param members path inside the pack folder (as the descriptor writes it) to SHA-256
   */
  public record PackNeed(String vendor, String name, String version, Map<String, String> members) {
    public PackNeed {
      Objects.requireNonNull(vendor, "vendor");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(version, "version");
      members = Map.copyOf(members);
    }

    public String id() {
      return vendor + "." + name + "." + version;
    }
  }

  /** A local file the lock needs, by its key (the path as {@code packs.yaml} writes it), and its SHA-256. */
  public record FileNeed(String key, String sha256) {
    public FileNeed {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(sha256, "sha256");
    }
  }

  /** Everything a bundle must hold, and the digest of the lock file that says so. */
  public record Needs(List<PackNeed> packs, List<FileNeed> files, String lockSha256) {
    public Needs {
      packs = List.copyOf(packs);
      files = List.copyOf(files);
      Objects.requireNonNull(lockSha256, "lockSha256");
    }
  }

  /** One file of a bundle: its key (pack ID or file key), zip entry, SHA-256 and size. */
  public record Entry(String key, String entry, String sha256, long size) {
    public Entry {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(entry, "entry");
      Objects.requireNonNull(sha256, "sha256");
    }
  }

  /** {@code bundle.json}. */
  public record Manifest(int format, String created, String lockSha256, List<Entry> packs, List<Entry> files) {
    public static final int FORMAT = 1;

    public Manifest {
      Objects.requireNonNull(created, "created");
      Objects.requireNonNull(lockSha256, "lockSha256");
      packs = List.copyOf(packs);
      files = List.copyOf(files);
    }
  }

  /**
   * Writes {@code out} atomically: each needed pack's archive from {@code .Download} of {@code root}
   * and each needed file from {@code sources} (key to path), after checking every member and file
   * against {@code needs}, so a bundle never carries what the lock would refuse.
   *
   * @throws PackNotFoundException when a needed archive or file is missing
   * @throws BundleException when one differs from what the lock says
   */
  public static Manifest export(PackRoot root, Needs needs, Map<String, Path> sources, Path out, Clock clock)
      throws CacheException {
    return new BundleWriter(root, needs, sources, clock).write(out.toAbsolutePath().normalize());
  }

  /**
   * Checks {@code bundle} against its manifest and {@code needs} and extracts what is needed into a
   * staging folder of {@code root}. Nothing is installed; on any problem the staging folder is gone.
   *
   * @throws BundleException listing every problem found
   */
  public static Staged stage(Path bundle, Needs needs, PackRoot root, CacheConfig.ZipLimits limits) throws CacheException {
    return new BundleReader(bundle.toAbsolutePath().normalize(), needs, limits).stage(root);
  }

  /**
   * A verified bundle's needed files in a staging folder: install {@link #archives} (for example
   * with {@link PackCache#install}), copy {@link #files} where they belong, then close to delete it.
   */
  public record Staged(Manifest manifest, Path folder, List<Path> archives, Map<String, Path> files) implements AutoCloseable {
    public Staged {
      archives = List.copyOf(archives);
      files = Map.copyOf(files);
    }

    @Override
    public void close() {
      AtomicFiles.deleteQuietly(folder);
    }
  }
}
