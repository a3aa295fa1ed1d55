package dev.packs.cli;

import dev.packs.cache.IndexUpdate;
import dev.packs.cache.InstallAction;
import dev.packs.cache.InstalledPack;
import dev.packs.cache.PackCheck;
import dev.packs.cache.PackUpdate;
import dev.packs.cache.PublicPack;
import java.io.PrintWriter;
import java.util.List;

/** The records the cache commands print with {@code --json}; their shape is stable for scripts. */
final class CacheViews {

  private CacheViews() {}

  record Pack(String id, String vendor, String name, String version, String path) {
    static Pack of(InstalledPack p) {
      return new Pack(p.id(), p.vendor(), p.name(), p.version(), p.path().toString());
    }
  }

  record Action(String action, String id, String path, String source, String sha256) {
    static Action of(InstallAction a) {
      return new Action(
          a.kind().name().toLowerCase().replace('_', '-'),
          a.pack().id(),
          a.pack().path().toString(),
          a.source().orElse(null),
          a.sha256().orElse(null));
    }
  }

  record Failure(String url, String reason) {}

  record Root(String root) {}

  record Update(
      boolean indexChanged, int listed, int fetched, int notModified, int skipped, int requests, long bytes, long millis, List<Failure> failures) {
    static Update of(IndexUpdate u) {
      return new Update(
          u.indexChanged(), u.listed(), u.fetched(), u.notModified(), u.skipped(), u.requests(), u.bytes(), u.elapsed().toMillis(),
          u.failures().stream().map(f -> new Failure(f.url().toString(), f.reason())).toList());
    }
  }

  record Check(String id, String status, List<String> problems) {
    static Check of(PackCheck c) {
      return new Check(c.pack().id(), c.status().name().toLowerCase().replace('_', '-'), c.problems());
    }
  }

  record Available(String id, String installed, String latest) {
    static Available of(PackUpdate u) {
      return new Available(u.installed().vendor() + "." + u.installed().name(), u.installed().version(), u.latest());
    }
  }

  record Public(String id, String vendor, String name, String version, String url, boolean deprecated) {
    static Public of(PublicPack p) {
      return new Public(p.id(), p.vendor(), p.name(), p.version(), p.url().toString(), p.deprecated());
    }
  }

  static void print(PrintWriter out, Object value) {
    try {
      Json.print(out, value);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot render JSON", e);
    }
  }
}
