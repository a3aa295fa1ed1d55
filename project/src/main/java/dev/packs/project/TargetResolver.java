package dev.packs.project;

import dev.packs.cache.AlgorithmCache;
import dev.packs.cache.AlgorithmCacheListener;
import dev.packs.cache.PackRoot;
import dev.packs.project.internal.resolve.AlgorithmFiles;
import dev.packs.project.internal.resolve.InstalledDevices;
import dev.packs.project.internal.resolve.PackRootDevices;
import dev.packs.project.internal.resolve.Resolution;
import java.nio.file.Path;
import java.util.List;

/**
 * Resolves targets against the installed packs and the project's {@code packs.yaml}: target →
 * device (pinned pack, else the newest installed) → flash regions → algorithms, each with the reason
 * it was chosen. Writes and checks {@code packs.lock}.
 */
public final class TargetResolver {
  private final ProjectConfig config;
  private final InstalledDevices devices;
  private final AlgorithmFiles files;

  /** A resolver over the packs installed under {@code root}, parsing algorithms through its cache. */
  public TargetResolver(PackRoot root, ProjectConfig config) {
    this(root, config, AlgorithmCacheListener.NONE);
  }

  /** As above, reporting algorithm-cache events (files opened, hits) to {@code listener}. */
  public TargetResolver(PackRoot root, ProjectConfig config, AlgorithmCacheListener listener) {
    this(config, new PackRootDevices(root), AlgorithmFiles.cached(AlgorithmCache.in(root, listener)));
  }

  TargetResolver(ProjectConfig config, InstalledDevices devices, AlgorithmFiles files) {
    this.config = config;
    this.devices = devices;
    this.files = files;
  }

  /**
   * Resolves one target, configured or not.
   *
   * @throws ProjectException naming what is unknown, ambiguous or missing
   */
  public ResolvedTarget resolve(String target) {
    return new Resolution(config, devices.candidates(target), files).resolve(target);
  }

  /** Resolves every target configured in {@code packs.yaml}, sorted by name. */
  public List<ResolvedTarget> resolveAll() {
    return config.targetNames().stream().map(this::resolve).toList();
  }

  /** {@code packs.lock} beside {@code packs.yaml}. */
  public Path lockFile() {
    Path yaml = config.file().orElseThrow(() -> new ProjectException.BadConfig(
        Path.of(ProjectConfig.FILE_NAME), "",
        "no packs.yaml in this folder or its parents; configure a target first, e.g. 'packs pin TARGET PACK_ID'",
        null));
    return yaml.toAbsolutePath().resolveSibling(LockFile.FILE_NAME);
  }

  /** Resolves every configured target and writes {@code packs.lock}; returns what was written. */
  public LockFile writeLock() {
    Path file = lockFile();
    LockFile lock = LockFile.of(resolveAll());
    lock.write(file);
    return lock;
  }

  /**
   * Resolves every configured target and compares with {@code packs.lock}, writing nothing.
   *
   * @throws ProjectException.LockMismatch listing every difference
   */
  public LockFile checkLock() {
    Path file = lockFile();
    LockFile locked = LockFile.read(file);
    LockFile current = LockFile.of(resolveAll());
    List<String> differences = locked.differences(current);
    if (!differences.isEmpty()) {
      throw new ProjectException.LockMismatch(file, differences);
    }
    return locked;
  }
}
