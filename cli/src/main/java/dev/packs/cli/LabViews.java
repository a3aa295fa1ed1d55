package dev.packs.cli;

import dev.packs.cache.InstallAction;
import dev.packs.cache.MirrorResult;
import dev.packs.cache.PackBundle;
import dev.packs.project.ProjectBundle;
import java.util.List;

/** The records {@code mirror} and {@code bundle} print with {@code --json}; their shape is stable for scripts. */
final class LabViews {
  private LabViews() {}

  record Item(String id, String vendor, String name, String version, String sha256, long size) {}

  record Failure(String item, String url, String reason) {}

  record Mirror(String dir, String indexUrl, List<Item> packs, int fetched, int notModified, int unchanged,
      int requests, long bytes, long millis, List<Failure> failures) {
    static Mirror of(MirrorResult r) {
      return new Mirror(r.dir().toString(), r.indexUrl().toString(),
          r.packs().stream().map(p -> new Item(p.id(), p.vendor(), p.name(), p.version(), p.sha256(), p.size())).toList(),
          r.fetched(), r.notModified(), r.unchanged(), r.requests(), r.bytes(), r.elapsed().toMillis(),
          r.failures().stream().map(f -> new Failure(f.item(), f.url().toString(), f.reason())).toList());
    }
  }

  record Entry(String key, String entry, String sha256, long size) {
    static Entry of(PackBundle.Entry e) {
      return new Entry(e.key(), e.entry(), e.sha256(), e.size());
    }
  }

  record Exported(String bundle, String created, String lockSha256, List<Entry> packs, List<Entry> files) {
    static Exported of(ProjectBundle.Exported e) {
      PackBundle.Manifest m = e.manifest();
      return new Exported(e.bundle().toString(), m.created(), m.lockSha256(),
          m.packs().stream().map(Entry::of).toList(), m.files().stream().map(Entry::of).toList());
    }
  }

  record Placed(String file, String path, boolean changed) {}

  record Imported(String bundle, List<CacheViews.Action> packs, List<Placed> files) {
    static Imported of(ProjectBundle.Imported i) {
      return new Imported(i.bundle().toString(), i.installed().stream().map(CacheViews.Action::of).toList(),
          i.files().stream().map(p -> new Placed(p.written(), p.path().toString(), p.changed())).toList());
    }
  }

  static String verb(InstallAction a) {
    return a.kind() == InstallAction.Kind.INSTALLED ? "installed" : "already installed";
  }
}
