package dev.packs.cache.internal;

import dev.packs.cache.CacheException;
import dev.packs.cache.CacheIoException;
import dev.packs.cache.DownloadException;
import dev.packs.cache.IndexUpdate;
import dev.packs.cache.PublicPack;
import dev.packs.cache.AtomicFiles;
import dev.packs.cache.internal.disk.WebState;
import dev.packs.cache.internal.index.IndexFile;
import dev.packs.cache.internal.net.Expect;
import dev.packs.cache.internal.net.Fetched;
import dev.packs.cache.internal.net.Validators;
import dev.packs.index.PackIndex;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code update-index}: fetch the index (conditionally), then in parallel, with a limit per host, only
 * the descriptors that are new or whose index version changed. Every failure is collected with its
 * URL and reason; nothing is silently dropped.
 */
public final class IndexUpdater {
  private final Context ctx;
  private final Map<String, Semaphore> hosts = new ConcurrentHashMap<>();
  private final AtomicInteger fetched = new AtomicInteger();
  private final AtomicInteger notModified = new AtomicInteger();
  private final AtomicInteger done = new AtomicInteger();
  private final List<IndexUpdate.Failure> failures = Collections.synchronizedList(new ArrayList<>());

  public IndexUpdater(Context ctx) {
    this.ctx = ctx;
  }

  /** Runs the update; the caller holds the exclusive lock. */
  public IndexUpdate run() throws CacheException {
    Instant start = ctx.config().clock().instant();
    long t0 = System.nanoTime();
    Path stateFile = ctx.root().stateDir().resolve("web.json");
    WebState state = WebState.load(stateFile);
    Optional<WebState.Entry> newIndex = fetchIndex(state);
    boolean changed = newIndex.isPresent();
    List<PublicPack> packs = latestPerPack(listedPacks(state));
    List<PublicPack> todo = new ArrayList<>();
    for (PublicPack p : packs) {
      Optional<WebState.Entry> prev = Optional.ofNullable(state.descriptors().get(key(p)));
      boolean present = Files.isRegularFile(ctx.root().webDescriptor(p.vendor(), p.name()));
      if (!present || prev.isEmpty() || !prev.get().version().equals(p.version())) {
        todo.add(p);
      }
    }
    fetchAll(todo, state);
    new WebState(newIndex.orElse(state.index()), state.descriptors()).save(stateFile);
    AtomicFiles.touch(ctx.root().packIdx(), start);
    IndexUpdate result =
        new IndexUpdate(
            changed,
            packs.size(),
            fetched.get(),
            notModified.get(),
            packs.size() - todo.size(),
            ctx.transports().stats().requests(),
            ctx.transports().stats().bytes(),
            Duration.ofNanos(System.nanoTime() - t0),
            failures);
    return result;
  }

  /** Where the last index body is kept: a vidx under {@code .packs}, a plain pidx as {@code .Web/index.pidx}. */
  private Path vendorIndexFile() {
    return ctx.root().stateDir().resolve("index.vidx");
  }

  private Optional<WebState.Entry> fetchIndex(WebState state) throws CacheException {
    URI url = ctx.config().indexUrl();
    Path target = Files.isRegularFile(vendorIndexFile()) ? vendorIndexFile() : ctx.root().publicIndex();
    Optional<Validators> known =
        Files.isRegularFile(target)
            ? state.indexEntry().filter(e -> e.url().equals(url.toString())).map(WebState.Entry::validators)
            : Optional.empty();
    Path part = AtomicFiles.partFor(target);
    try {
      Files.createDirectories(target.getParent());
      Fetched result = ctx.transports().fetch("the pack index", url, known, part, Expect.XML);
      if (result instanceof Fetched.Downloaded d) {
        IndexFile.resolveRelative(part, url);
        boolean vidx = !IndexFile.parse(part).vendorIndexes().isEmpty();
        if (vidx) {
          AtomicFiles.commit(part, vendorIndexFile());
        } else {
          AtomicFiles.commit(part, ctx.root().publicIndex());
          AtomicFiles.deleteQuietly(vendorIndexFile());
        }
        return Optional.of(WebState.Entry.of(url.toString(), "", d.validators()));
      }
      return Optional.empty();
    } catch (IOException e) {
      throw new DownloadException(url, DownloadException.Reason.UNEXPECTED_CONTENT, "not a pack index: " + e.getMessage());
    } finally {
      AtomicFiles.deleteQuietly(part);
    }
  }

  /**
   * The packs the index lists. A vendor index is expanded and written to {@code .Web/index.pidx} as
   * the flat list every other reader expects.
   */
  private List<PublicPack> listedPacks(WebState state) throws CacheException {
    Path vidx = vendorIndexFile();
    Path index = Files.isRegularFile(vidx) ? vidx : ctx.root().publicIndex();
    try {
      PackIndex parsed = IndexFile.parse(index);
      if (!Files.isRegularFile(vidx)) {
        return IndexFile.packs(parsed);
      }
      List<PublicPack> packs = new VendorIndexes(ctx, state, failures).expand(parsed);
      String xml = IndexFile.write(
          parsed.vendor().orElse("packs"), ctx.config().indexUrl().toString(), ctx.config().clock().instant().toString(), packs);
      AtomicFiles.writeString(ctx.root().publicIndex(), xml);
      return packs;
    } catch (IOException e) {
      throw new CacheIoException(index, e);
    }
  }

  /** The index may list a pack more than once; the newest version wins. */
  static List<PublicPack> latestPerPack(List<PublicPack> all) {
    Map<String, PublicPack> newest = new java.util.LinkedHashMap<>();
    for (PublicPack p : all) {
      newest.merge(
          key(p), p, (a, b) -> dev.packs.cache.internal.index.Versions.compare(a.version(), b.version()) >= 0 ? a : b);
    }
    return List.copyOf(newest.values());
  }

  static String key(PublicPack p) {
    return p.vendor() + "." + p.name();
  }

  private void fetchAll(List<PublicPack> todo, WebState state) throws CacheException {
    if (todo.isEmpty()) {
      return;
    }
    int threads = Math.min(todo.size(), Math.max(2, ctx.config().perHostLimit() * 2));
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "packs-descriptor");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (PublicPack p : todo) {
        futures.add(pool.submit(() -> fetchOne(p, state, todo.size())));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CacheIoException(ctx.root().webDir(), new java.io.InterruptedIOException("interrupted"));
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("descriptor task failed unexpectedly", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private void fetchOne(PublicPack p, WebState state, int total) {
    URI url = Urls.descriptor(p);
    Semaphore gate = hosts.computeIfAbsent(String.valueOf(url.getHost()), h -> new Semaphore(ctx.config().perHostLimit()));
    try {
      gate.acquire();
      try {
        fetchDescriptor(p, url, state);
      } finally {
        gate.release();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failures.add(new IndexUpdate.Failure(url, "interrupted"));
    } catch (CacheException e) {
      failures.add(new IndexUpdate.Failure(url, e.getMessage()));
    } finally {
      ctx.listener().batchProgress("descriptors", done.incrementAndGet(), total);
    }
  }

  private void fetchDescriptor(PublicPack p, URI url, WebState state) throws CacheException {
    Path target = ctx.root().webDescriptor(p.vendor(), p.name());
    WebState.Entry prev = state.descriptors().get(key(p));
    Optional<Validators> known =
        Files.isRegularFile(target) && prev != null && prev.url().equals(url.toString())
            ? Optional.of(prev.validators()).filter(v -> !v.isEmpty())
            : Optional.empty();
    Path part = AtomicFiles.partFor(target);
    try {
      Fetched result = ctx.transports().fetch(key(p) + ".pdsc", url, known, part, Expect.XML);
      Validators validators = known.orElse(Validators.none());
      if (result instanceof Fetched.Downloaded d) {
        DescriptorCheck.check(part, url, p);
        AtomicFiles.commit(part, target);
        validators = d.validators();
        fetched.incrementAndGet();
      } else {
        notModified.incrementAndGet();
      }
      synchronized (state) {
        state.descriptors().put(key(p), WebState.Entry.of(url.toString(), p.version(), validators));
      }
    } finally {
      AtomicFiles.deleteQuietly(part);
    }
  }
}
