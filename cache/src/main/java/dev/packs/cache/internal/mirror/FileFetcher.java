package dev.packs.cache.internal.mirror;

import dev.packs.cache.AtomicFiles;
import dev.packs.cache.CacheException;
import dev.packs.cache.CacheIoException;
import dev.packs.cache.internal.net.Expect;
import dev.packs.cache.internal.net.Fetched;
import dev.packs.cache.internal.net.Transports;
import dev.packs.cache.internal.net.Validators;
import dev.packs.cache.internal.pack.Digests;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Fetches one file of a mirror: conditionally when the copy on disk is the one recorded, into a
 * {@code .part} beside the target, checked, then moved into place with its SHA-256 recorded. A
 * reader of the folder, or a run killed at any instant, never sees half a file.
 */
final class FileFetcher {
  /** Checks a downloaded body before it is moved into place, and may rewrite it. */
  interface Body {
    void accept(Path part) throws CacheException;
  }

  private final Transports transports;
  private final MirrorState state;
  private final Tally tally;
  private final int perHostLimit;
  private final Map<String, Semaphore> hosts = new ConcurrentHashMap<>();

  FileFetcher(Transports transports, MirrorState state, Tally tally, int perHostLimit) {
    this.transports = transports;
    this.state = state;
    this.tally = tally;
    this.perHostLimit = perHostLimit;
  }

  /**
   * Brings {@code target} (recorded as {@code name}) up to date with {@code url}.
   *
   * @return true when a new body was stored, false when the server confirmed the copy
   */
  boolean fetch(String name, Path target, URI url, String version, Expect expect, Body check) throws CacheException {
    Optional<MirrorState.FileEntry> known = state.file(name)
        .filter(e -> url.toString().equals(e.url()))
        .filter(e -> matchesDisk(e, target));
    Optional<Validators> validators = known.map(MirrorState.FileEntry::validators).filter(v -> !v.isEmpty());
    Path part = AtomicFiles.partFor(target);
    try {
      Files.createDirectories(target.getParent());
      Fetched result = gated(name, url, validators, part, expect);
      if (result instanceof Fetched.Downloaded d) {
        check.accept(part);
        AtomicFiles.commit(part, target);
        record(name, target, url, version, d.validators());
        tally.fetched.incrementAndGet();
        return true;
      }
      MirrorState.FileEntry e = known.orElseThrow();
      state.files().put(name, new MirrorState.FileEntry(
          e.url(), version, e.etag(), e.lastModified(), e.sha256(), e.size(), e.modified()));
      tally.notModified.incrementAndGet();
      return false;
    } catch (IOException e) {
      throw new CacheIoException(target, e);
    } finally {
      AtomicFiles.deleteQuietly(part);
    }
  }

  /** At most {@code perHostLimit} requests to one host at a time, whatever the number of workers. */
  private Fetched gated(String name, URI url, Optional<Validators> validators, Path part, Expect expect) throws CacheException {
    Semaphore gate = hosts.computeIfAbsent(String.valueOf(url.getHost()), h -> new Semaphore(perHostLimit));
    try {
      gate.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CacheIoException(part, new java.io.InterruptedIOException("interrupted"));
    }
    try {
      return transports.fetch(name, url, validators, part, expect);
    } finally {
      gate.release();
    }
  }

  /** Records a file now in place, with its digest. */
  void record(String name, Path target, URI url, String version, Validators validators) throws CacheException {
    try {
      state.files().put(name, new MirrorState.FileEntry(url.toString(), version, validators.etag().orElse(null),
          validators.lastModified().orElse(null), Digests.sha256(target), Files.size(target),
          Files.getLastModifiedTime(target).toMillis()));
    } catch (IOException e) {
      throw new CacheIoException(target, e);
    }
  }

  /** The file on disk is the one recorded: same size and modification time, so its digest holds. */
  static boolean matchesDisk(MirrorState.FileEntry e, Path target) {
    try {
      return e.sha256() != null && Files.isRegularFile(target) && Files.size(target) == e.size()
          && Files.getLastModifiedTime(target).toMillis() == e.modified();
    } catch (IOException ex) {
      return false;
    }
  }
}
