package dev.packs.cache;

import dev.packs.index.PackSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A separate JVM for {@link DeviceDatabaseProcessTest}: syncs the database at args[0] with args[1..]. */
final class SyncProcess {
  private SyncProcess() {}

  public static void main(String[] args) throws Exception {
    List<PackSource> sources = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      Path p = Path.of(args[i]);
      sources.add(new PackSource("web:" + p.getFileName(), p, PackSource.Origin.WEB));
    }
    DeviceDatabase.SyncReport r = DeviceDatabase.of(new PackRoot(Path.of(args[0]))).sync(sources, new DeviceDatabase.Listener() {});
    System.out.println(r.indexed());
  }
}
