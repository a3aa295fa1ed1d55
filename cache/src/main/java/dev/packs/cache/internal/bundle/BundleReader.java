package dev.packs.cache.internal.bundle;

import dev.packs.cache.AtomicFiles;
import dev.packs.cache.BundleException;
import dev.packs.cache.CacheConfig;
import dev.packs.cache.CacheException;
import dev.packs.cache.InvalidPackException;
import dev.packs.cache.PackBundle;
import dev.packs.cache.PackNotFoundException;
import dev.packs.cache.PackRoot;
import dev.packs.cache.internal.index.Pdsc;
import dev.packs.cache.internal.pack.Digests;
import dev.packs.cache.internal.pack.PackArchive;
import dev.packs.index.PackDescriptor;
import dev.packs.index.Version;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Checks a bundle before anything is installed: the manifest reads, every zip entry is in it, every
 * entry has the size and SHA-256 it lists, every pack and file the lock needs is there, each needed
 * archive passes the checks {@code install} applies, and the members and files the lock relies on
 * have the lock's digests. What is needed is extracted to a staging folder under names of our own,
 * never the bundle's; every problem is collected, and any problem deletes the staging folder.
 */
public final class BundleReader {
  private static final int MANIFEST_LIMIT = 1 << 20;

  private final Path bundle;
  private final PackBundle.Needs needs;
  private final CacheConfig.ZipLimits limits;
  private final List<String> problems = new ArrayList<>();

  public BundleReader(Path bundle, PackBundle.Needs needs, CacheConfig.ZipLimits limits) {
    this.bundle = bundle;
    this.needs = needs;
    this.limits = limits;
  }

  public PackBundle.Staged stage(PackRoot root) throws CacheException {
    if (!Files.isRegularFile(bundle)) {
      throw new PackNotFoundException(bundle.toString(), "no such bundle file");
    }
    Path staging = root.stateDir().resolve("staging").resolve(UUID.randomUUID().toString());
    boolean staged = false;
    try (ZipFile zip = ZipFile.builder().setPath(bundle).get()) {
      PackBundle.Manifest manifest = manifest(zip);
      checkEntriesListed(zip, manifest);
      List<Path> archives = new ArrayList<>();
      for (PackBundle.PackNeed need : needs.packs()) {
        find(manifest, manifest.packs(), need.id(), "pack " + need.vendor() + "::" + need.name() + "@" + need.version())
            .flatMap(e -> extract(zip, e, staging.resolve("packs").resolve(need.id() + ".pack")))
            .filter(archive -> checkArchive(archive, need))
            .ifPresent(archives::add);
      }
      Map<String, Path> files = new LinkedHashMap<>();
      for (PackBundle.FileNeed need : needs.files()) {
        find(manifest, manifest.files(), need.key(), "local file " + need.key())
            .filter(e -> sameAsLock(e, need))
            .flatMap(e -> extract(zip, e, staging.resolve("files").resolve(String.valueOf(files.size() + 1))))
            .ifPresent(path -> files.put(need.key(), path));
      }
      hashUnneeded(zip, manifest);
      if (!problems.isEmpty()) {
        throw new BundleException(bundle, problems);
      }
      staged = true;
      return new PackBundle.Staged(manifest, staging, archives, files);
    } catch (IOException e) {
      throw new BundleException(bundle, List.of("not a readable zip: " + e.getMessage()));
    } finally {
      if (!staged) {
        AtomicFiles.deleteQuietly(staging);
      }
    }
  }

  private PackBundle.Manifest manifest(ZipFile zip) throws BundleException {
    ZipArchiveEntry entry = zip.getEntry(PackBundle.MANIFEST);
    if (entry == null) {
      throw new BundleException(bundle, List.of("no " + PackBundle.MANIFEST + ": not a bundle made by 'packs bundle export'"));
    }
    try (InputStream in = zip.getInputStream(entry)) {
      byte[] body = in.readNBytes(MANIFEST_LIMIT + 1);
      if (body.length > MANIFEST_LIMIT) {
        throw new IOException("larger than " + MANIFEST_LIMIT + " bytes");
      }
      return ManifestCodec.read(body);
    } catch (IOException e) {
      throw new BundleException(bundle, List.of(PackBundle.MANIFEST + ": " + e.getMessage()));
    }
  }

  /** Every entry of the zip is the manifest or listed in it, once. */
  private void checkEntriesListed(ZipFile zip, PackBundle.Manifest manifest) {
    Set<String> listed = new HashSet<>();
    manifest.packs().forEach(e -> listed.add(e.entry()));
    manifest.files().forEach(e -> listed.add(e.entry()));
    Map<String, Long> counts = Collections.list(zip.getEntries()).stream()
        .filter(e -> !e.isDirectory())
        .collect(Collectors.groupingBy(ZipArchiveEntry::getName, LinkedHashMap::new, Collectors.counting()));
    counts.forEach((name, n) -> {
      if (!name.equals(PackBundle.MANIFEST) && !listed.contains(name)) {
        problems.add("entry " + name + " is not in the manifest");
      }
      if (n > 1) {
        problems.add("entry " + name + " appears " + n + " times");
      }
    });
  }

  private Optional<PackBundle.Entry> find(PackBundle.Manifest manifest, List<PackBundle.Entry> entries, String key, String what) {
    Optional<PackBundle.Entry> found = entries.stream().filter(e -> e.key().equalsIgnoreCase(key)).findFirst();
    if (found.isEmpty()) {
      boolean otherLock = !manifest.lockSha256().equalsIgnoreCase(needs.lockSha256());
      problems.add("packs.lock needs " + what + ", which the bundle does not hold"
          + (otherLock ? " (it was made from another packs.lock)" : ""));
    }
    return found;
  }

  private boolean sameAsLock(PackBundle.Entry entry, PackBundle.FileNeed need) {
    if (!entry.sha256().equalsIgnoreCase(need.sha256())) {
      problems.add(need.key() + ": the manifest lists sha256 " + entry.sha256() + ", packs.lock says " + need.sha256());
      return false;
    }
    return true;
  }

  /** Copies an entry to {@code target}, checking its size and digest against the manifest. */
  private Optional<Path> extract(ZipFile zip, PackBundle.Entry entry, Path target) {
    Optional<String> digest = copy(zip, entry, Optional.of(target));
    return digest.isPresent() ? Optional.of(target) : Optional.empty();
  }

  /** The digest of an entry matching its manifest line, written to {@code target} if given; empty after a problem. */
  private Optional<String> copy(ZipFile zip, PackBundle.Entry entry, Optional<Path> target) {
    ZipArchiveEntry ze = zip.getEntry(entry.entry());
    if (ze == null) {
      problems.add("entry " + entry.entry() + " is in the manifest but not in the zip");
      return Optional.empty();
    }
    if (entry.size() > limits.maxExpandedBytes()) {
      problems.add("entry " + entry.entry() + ": " + entry.size() + " bytes, more than " + limits.maxExpandedBytes());
      return Optional.empty();
    }
    MessageDigest sha = Digests.sha256();
    long size = 0;
    try (InputStream in = zip.getInputStream(ze);
        OutputStream out = target.isPresent() ? open(target.get()) : OutputStream.nullOutputStream()) {
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = in.read(buffer)) >= 0 && size <= entry.size(); ) {
        sha.update(buffer, 0, n);
        out.write(buffer, 0, n);
        size += n;
      }
    } catch (IOException e) {
      problems.add("entry " + entry.entry() + ": cannot be read (" + e.getMessage() + ")");
      return Optional.empty();
    }
    String actual = HexFormat.of().formatHex(sha.digest());
    if (size != entry.size() || !actual.equalsIgnoreCase(entry.sha256())) {
      problems.add("entry " + entry.entry() + ": sha256 " + actual + " (" + size + " bytes), the manifest says "
          + entry.sha256() + " (" + entry.size() + " bytes)");
      return Optional.empty();
    }
    return Optional.of(actual);
  }

  private static OutputStream open(Path target) throws IOException {
    Files.createDirectories(target.getParent());
    return Files.newOutputStream(target);
  }

  /** A needed archive is a whole, safe pack of the locked version, and carries the lock's members. */
  private boolean checkArchive(Path archive, PackBundle.PackNeed need) {
    String source = bundle + "!packs/" + need.id() + ".pack";
    try {
      PackArchive.Inspected inspected = PackArchive.inspect(archive, source, limits);
      PackDescriptor info = Pdsc.read(inspected.descriptor(), source + "!" + inspected.descriptorEntry());
      String version = info.version().map(Version::withoutMeta).orElse("(no release)");
      if (!info.vendor().equalsIgnoreCase(need.vendor()) || !info.name().equalsIgnoreCase(need.name())
          || !version.equals(need.version())) {
        problems.add(source + ": holds " + info.vendor() + "." + info.name() + "." + version + ", not " + need.id());
        return false;
      }
      Map<String, String> found = PackMembers.digests(archive, inspected.prefix(), need.members().keySet());
      boolean ok = true;
      for (Map.Entry<String, String> m : need.members().entrySet()) {
        String actual = found.get(m.getKey());
        if (actual == null || !actual.equalsIgnoreCase(m.getValue())) {
          problems.add(need.id() + ": " + m.getKey() + (actual == null ? " is missing" : " has sha256 " + actual)
              + ", packs.lock says " + m.getValue());
          ok = false;
        }
      }
      return ok;
    } catch (InvalidPackException e) {
      problems.add(e.getMessage());
    } catch (IOException e) {
      problems.add(source + ": " + e.getMessage());
    }
    return false;
  }

  /** Entries the lock does not need are checked all the same: every digest of the manifest holds. */
  private void hashUnneeded(ZipFile zip, PackBundle.Manifest manifest) {
    Set<String> needed = new HashSet<>();
    needs.packs().forEach(n -> needed.add(n.id().toLowerCase(Locale.ROOT)));
    needs.files().forEach(n -> needed.add(n.key().toLowerCase(Locale.ROOT)));
    List<PackBundle.Entry> all = new ArrayList<>(manifest.packs());
    all.addAll(manifest.files());
    for (PackBundle.Entry e : all) {
      if (!needed.contains(e.key().toLowerCase(Locale.ROOT))) {
        copy(zip, e, Optional.empty());
      }
    }
  }
}
