package dev.packs.project;

import dev.packs.cache.AtomicFiles;
import dev.packs.cache.BundleException;
import dev.packs.cache.CacheException;
import dev.packs.cache.CacheIoException;
import dev.packs.cache.InstallAction;
import dev.packs.cache.InstallOptions;
import dev.packs.cache.PackBundle;
import dev.packs.cache.PackCache;
import dev.packs.cache.PackRoot;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Carries what a project's {@code packs.lock} needs into a lab with no network, as one zip: the
 * locked pack versions and every local {@code flm:} override. Export checks each file against the
 * lock; import checks the bundle against its manifest and against this project's lock before
 * anything is installed, installs the packs, puts the override files where {@code packs.yaml} names
 * them, and ends with the check {@code packs resolve --locked} makes.
 */
public final class ProjectBundle {
  private final PackRoot root;
  private final ProjectConfig config;
  private final Clock clock;

  public ProjectBundle(PackRoot root, ProjectConfig config, Clock clock) {
    this.root = Objects.requireNonNull(root, "root");
    this.config = Objects.requireNonNull(config, "config");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A bundle written. */
  public record Exported(Path bundle, PackBundle.Manifest manifest) {}

  /**
   * One override file of an import.
   *
   * @param written the path as {@code packs.yaml} writes it
   * @param path where it now is
   * @param changed false when the file was already there with the locked content
   */
  public record Placed(String written, Path path, boolean changed) {}

  /** What an import did; the lock matched afterwards. */
  public record Imported(Path bundle, List<InstallAction> installed, List<Placed> files) {
    public Imported {
      installed = List.copyOf(installed);
      files = List.copyOf(files);
    }
  }

  /**
   * Writes {@code out}: the archives of the locked packs from the pack root's {@code .Download},
   * and the override files, each checked against the lock.
   *
   * @throws dev.packs.cache.PackNotFoundException when a locked pack's archive or an override file is missing
   * @throws BundleException when one differs from the lock
   */
  public Exported export(Path out) throws CacheException {
    Path lockFile = resolver().lockFile();
    PackBundle.Needs needs = needs(LockFile.read(lockFile), sha256(lockFile));
    Map<String, Path> sources = new LinkedHashMap<>();
    needs.files().forEach(f -> sources.put(f.key(), place(f.key())));
    return new Exported(out, PackBundle.export(root, needs, sources, out, clock));
  }

  /**
   * Imports {@code bundle} into the pack root and the project, offline, then checks the lock.
   *
   * @param force replace override files that exist with other content
   * @throws BundleException listing every problem; then nothing was installed or written
   * @throws ProjectException.LockMismatch when the project still differs from its lock afterwards
   */
  public Imported importFrom(Path bundle, PackCache cache, boolean force) throws CacheException {
    TargetResolver resolver = resolver();
    Path lockFile = resolver.lockFile();
    PackBundle.Needs needs = needs(LockFile.read(lockFile), sha256(lockFile));
    Map<String, Boolean> toWrite = new LinkedHashMap<>();
    List<String> conflicts = new ArrayList<>();
    for (PackBundle.FileNeed f : needs.files()) {
      Path target = place(f.key());
      boolean same = Files.isRegularFile(target) && sha256(target).equals(f.sha256());
      if (Files.exists(target) && !same && !force) {
        conflicts.add(target + " exists with other content than packs.lock records for " + f.key() + "; --force replaces it");
      }
      toWrite.put(f.key(), !same);
    }
    if (!conflicts.isEmpty()) {
      throw new BundleException(bundle, conflicts);
    }
    List<InstallAction> installed;
    List<Placed> placed = new ArrayList<>();
    try (PackBundle.Staged staged = PackBundle.stage(bundle, needs, root, cache.config().zipLimits())) {
      List<String> archives = staged.archives().stream().map(Path::toString).toList();
      installed = archives.isEmpty() ? List.of()
          : cache.install(archives, new InstallOptions(InstallOptions.Dependencies.SKIP, false), staged.folder());
      for (Map.Entry<String, Boolean> f : toWrite.entrySet()) {
        Path target = place(f.getKey());
        if (f.getValue()) {
          copy(staged.files().get(f.getKey()), target);
        }
        placed.add(new Placed(f.getKey(), target, f.getValue()));
      }
    }
    resolver.checkLock();
    return new Imported(bundle, installed, placed);
  }

  /** What the lock needs: each locked pack with the members it relies on, and each local file. */
  static PackBundle.Needs needs(LockFile lock, String lockSha256) {
    Map<String, PackPin> pins = new LinkedHashMap<>();
    Map<String, Map<String, String>> members = new LinkedHashMap<>();
    Map<String, PackBundle.FileNeed> files = new LinkedHashMap<>();
    for (LockFile.Target t : lock.targets().values()) {
      PackPin pin = PackPin.parse(t.pack());
      String id = (pin.vendor() + "." + pin.name() + "." + pin.version().orElse("")).toLowerCase(java.util.Locale.ROOT);
      pins.putIfAbsent(id, pin);
      Map<String, String> m = members.computeIfAbsent(id, k -> new LinkedHashMap<>());
      for (LockFile.Algorithm a : t.algorithms()) {
        if (a.origin() == ResolvedTarget.Origin.LOCAL) {
          files.putIfAbsent(a.file(), new PackBundle.FileNeed(a.file(), a.sha256()));
        } else {
          m.putIfAbsent(a.file(), a.sha256());
        }
      }
    }
    List<PackBundle.PackNeed> packs = new ArrayList<>();
    pins.forEach((id, pin) -> packs.add(new PackBundle.PackNeed(pin.vendor(), pin.name(),
        pin.version().orElseThrow(() -> new ProjectException.BadConfig(Path.of(LockFile.FILE_NAME), "pack",
            "'" + pin + "' has no version; run 'packs resolve' to rewrite the lock", null)),
        members.get(id))));
    return new PackBundle.Needs(packs, List.copyOf(files.values()), lockSha256);
  }

  /** Where {@code packs.yaml} expects an override written as {@code written}; as target resolution finds it. */
  private Path place(String written) {
    return config.baseDir().map(d -> d.resolve(written)).orElse(Path.of(written)).toAbsolutePath().normalize();
  }

  private TargetResolver resolver() {
    return new TargetResolver(root, config);
  }

  private static void copy(Path from, Path to) throws CacheIoException {
    Path part = AtomicFiles.partFor(to);
    try {
      Files.createDirectories(to.getParent());
      Files.copy(from, part, StandardCopyOption.REPLACE_EXISTING);
      AtomicFiles.commit(part, to);
    } catch (IOException e) {
      throw new CacheIoException(to, e);
    } finally {
      AtomicFiles.deleteQuietly(part);
    }
  }

  private static String sha256(Path file) throws CacheIoException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        sha.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (IOException e) {
      throw new CacheIoException(file, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
