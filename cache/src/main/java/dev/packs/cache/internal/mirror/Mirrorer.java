package dev.packs.cache.internal.mirror;

import dev.packs.cache.CacheConfig;
import dev.packs.cache.CacheException;
import dev.packs.cache.CacheListener;
import dev.packs.cache.MirrorRequest;
import dev.packs.cache.MirrorResult;
import dev.packs.cache.PublicPack;
import dev.packs.cache.internal.Urls;
import dev.packs.cache.internal.disk.RootLock;
import dev.packs.cache.internal.net.Transports;
import dev.packs.index.PackDescriptor;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code packs mirror}: under the folder's own lock, fetch the index, check the requests against it,
 * then in rounds (a round's requirements make the next) the descriptors and archives in parallel,
 * and last write the folder's {@code index.pidx} and {@code SHA256SUMS}. Every failure is collected
 * with its URL; what succeeded is published all the same.
 */
public final class Mirrorer {
  /** The folder, inside the mirror, that holds its state and lock; servers never show it. */
  public static final String STATE_DIR = ".packs-mirror";

  private final CacheConfig config;
  private final CacheListener listener;
  private final Transports transports;
  private final Path dir;
  private final List<MirrorResult.Failure> failures = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, PackDescriptor> descriptors = new ConcurrentHashMap<>();
  private final Set<String> archivesDone = ConcurrentHashMap.newKeySet();
  private final Set<String> wantsSeen = ConcurrentHashMap.newKeySet();

  public Mirrorer(CacheConfig config, CacheListener listener, Transports transports, Path dir) {
    this.config = config;
    this.listener = listener;
    this.transports = transports;
    this.dir = dir;
  }

  public MirrorResult run(MirrorRequest request) throws CacheException {
    long t0 = System.nanoTime();
    Path stateDir = dir.resolve(STATE_DIR);
    try (RootLock lock = RootLock.acquire(stateDir, RootLock.Mode.EXCLUSIVE, "mirror into " + dir, config.lockTimeout(),
        config.clock(), listener)) {
      Publisher.cleanParts(dir, stateDir, stateDir.resolve("vendors"), stateDir.resolve("descriptors"));
      MirrorState state = MirrorState.load(stateDir.resolve("state.json"));
      Tally tally = new Tally();
      FileFetcher files = new FileFetcher(transports, state, tally, config.perHostLimit());
      URI indexUrl = config.indexUrl();
      Map<String, PublicPack> index = new UpstreamIndex(files, stateDir, failures).fetch(indexUrl);
      List<String> requests = new ArrayList<>();
      List<Selection.Want> wants = new ArrayList<>(Selection.of(request.packs(), index, indexUrl, requests));
      wants.addAll(earlierRequests(state, index, indexUrl, requests));
      boolean all = request.all() || state.all();
      if (all) {
        wants.addAll(Selection.all(index));
      }
      new Rounds(new PackFiles(dir, stateDir, files, state, tally, config.zipLimits()), index, indexUrl).run(wants);
      List<MirrorResult.Item> archives = Publisher.publish(dir, state, request.baseUrl(), config.clock().instant());
      new MirrorState(indexUrl.toString(), requests, all, state.files()).save(stateDir.resolve("state.json"));
      return new MirrorResult(dir, dir.resolve(Publisher.INDEX).toUri(), archives, tally.fetched.get(),
          tally.notModified.get(), tally.unchanged.get(), transports.stats().requests(), transports.stats().bytes(),
          Duration.ofNanos(System.nanoTime() - t0), failures);
    }
  }

  /** The folder's earlier requests; one the index no longer lists is a failure, not a stop. */
  private List<Selection.Want> earlierRequests(MirrorState state, Map<String, PublicPack> index, URI indexUrl, List<String> requests) {
    List<Selection.Want> wants = new ArrayList<>();
    for (String earlier : state.requests()) {
      try {
        wants.addAll(Selection.of(List.of(earlier), index, indexUrl, requests));
      } catch (CacheException e) {
        requests.add(earlier);
        failures.add(new MirrorResult.Failure(earlier, indexUrl, e.getMessage()));
      }
    }
    return wants;
  }

  /** Descriptors, then archives, of one round's packs in parallel; their requirements make the next round. */
  private final class Rounds {
    private final PackFiles packs;
    private final Map<String, PublicPack> index;
    private final URI indexUrl;

    Rounds(PackFiles packs, Map<String, PublicPack> index, URI indexUrl) {
      this.packs = packs;
      this.index = index;
      this.indexUrl = indexUrl;
    }

    void run(List<Selection.Want> first) throws CacheException {
      try (Workers workers = new Workers(Math.max(2, config.perHostLimit() * 2))) {
        List<Selection.Want> round = fresh(first);
        while (!round.isEmpty()) {
          List<Workers.Task<Void>> fetchDescriptors = new ArrayList<>();
          for (String key : round.stream().map(Selection.Want::key).distinct().toList()) {
            if (!descriptors.containsKey(key)) {
              fetchDescriptors.add(() -> descriptor(key));
            }
          }
          workers.all(fetchDescriptors, (done, total) -> listener.batchProgress("descriptors", done, total));
          List<Workers.Task<List<Selection.Want>>> fetchArchives = new ArrayList<>();
          for (Selection.Want want : round) {
            archiveTask(want).ifPresent(fetchArchives::add);
          }
          List<Selection.Want> next = new ArrayList<>();
          workers.all(fetchArchives, (done, total) -> listener.batchProgress("packs", done, total)).forEach(next::addAll);
          round = fresh(next);
        }
      }
    }

    private List<Selection.Want> fresh(List<Selection.Want> wants) {
      return wants.stream().filter(w -> wantsSeen.add(w.key() + "@" + w.requirement())).toList();
    }

    private Void descriptor(String key) {
      PublicPack entry = index.get(key);
      if (entry == null) {
        failures.add(new MirrorResult.Failure(key, indexUrl, "required, but not listed in the index"));
        return null;
      }
      try {
        descriptors.put(key, packs.descriptor(entry));
      } catch (CacheException e) {
        failures.add(new MirrorResult.Failure(entry.vendor() + "." + entry.name(), Urls.descriptor(entry), e.getMessage()));
      }
      return null;
    }

    private Optional<Workers.Task<List<Selection.Want>>> archiveTask(Selection.Want want) {
      PackDescriptor info = descriptors.get(want.key());
      PublicPack entry = index.get(want.key());
      if (info == null || entry == null) {
        return Optional.empty(); // its failure is recorded already
      }
      Optional<PackDescriptor.Release> release = want.choose(info);
      if (release.isEmpty()) {
        failures.add(new MirrorResult.Failure(want.asked(), Urls.descriptor(entry), "no release matches; "
            + info.vendor() + "." + info.name() + " has " + info.releases().stream().map(r -> r.version().toString()).toList()));
        return Optional.empty();
      }
      String id = info.vendor() + "." + info.name() + "." + release.get().version().withoutMeta();
      if (!archivesDone.add(id.toLowerCase(Locale.ROOT))) {
        return Optional.empty();
      }
      return Optional.of(() -> {
        try {
          return packs.archive(entry, info, release.get()).stream().map(r -> Selection.Want.required(r, id)).toList();
        } catch (CacheException e) {
          failures.add(new MirrorResult.Failure(id, PackFiles.archiveUrl(entry, info, release.get()), e.getMessage()));
          return List.of();
        }
      });
    }
  }
}
