package dev.packs.cache.internal;

import dev.packs.cache.CacheException;
import dev.packs.cache.CacheIoException;
import dev.packs.cache.InstalledPack;
import dev.packs.cache.PackNotFoundException;
import dev.packs.cache.PackRoot;
import dev.packs.cache.PackUpdate;
import dev.packs.cache.PublicPack;
import dev.packs.cache.internal.index.IndexFile;
import dev.packs.cache.internal.index.PackIds;
import dev.packs.index.PackId;
import dev.packs.cache.internal.index.Versions;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Compares installed packs with the local copy of the public index. */
public final class Updates {
  private Updates() {}

  public static List<PublicPack> publicPacks(PackRoot root) throws CacheException {
    if (!Files.isRegularFile(root.publicIndex())) {
      return List.of();
    }
    try {
      return IndexUpdater.latestPerPack(IndexFile.read(root.publicIndex()));
    } catch (IOException e) {
      throw new CacheIoException(root.publicIndex(), e);
    }
  }

  public static List<PackUpdate> available(PackRoot root) throws CacheException {
    Map<String, PublicPack> index = new LinkedHashMap<>();
    for (PublicPack p : publicPacks(root)) {
      index.put(key(p.vendor(), p.name()), p);
    }
    Map<String, InstalledPack> newest = new LinkedHashMap<>();
    for (InstalledPack p : InstalledPacks.scan(root)) {
      newest.merge(key(p.vendor(), p.name()), p, (a, b) -> Versions.compare(a.version(), b.version()) >= 0 ? a : b);
    }
    List<PackUpdate> updates = new ArrayList<>();
    for (Map.Entry<String, InstalledPack> e : newest.entrySet()) {
      PublicPack listed = index.get(e.getKey());
      if (listed != null && Versions.compare(listed.version(), e.getValue().version()) > 0) {
        updates.add(new PackUpdate(e.getValue(), listed.version()));
      }
    }
    return updates;
  }

  /** Install requests for {@code update}: the newest of one pack, or of every installed pack. */
  public static List<String> requests(PackRoot root, Optional<String> packId) throws CacheException {
    List<InstalledPack> installed = InstalledPacks.scan(root);
    if (packId.isPresent()) {
      PackId r = PackIds.parse(packId.get());
      InstalledPack match =
          installed.stream()
              .filter(p -> p.name().equalsIgnoreCase(r.name()))
              .filter(p -> r.vendor().map(v -> v.equalsIgnoreCase(p.vendor())).orElse(true))
              .findFirst()
              .orElseThrow(() -> new PackNotFoundException(packId.get(), "not installed in " + root.path()));
      return List.of(match.vendor() + "::" + match.name() + "@latest");
    }
    Map<String, String> requests = new LinkedHashMap<>();
    for (InstalledPack p : installed) {
      requests.put(key(p.vendor(), p.name()), p.vendor() + "::" + p.name() + "@latest");
    }
    return List.copyOf(requests.values());
  }

  private static String key(String vendor, String name) {
    return (vendor + "." + name).toLowerCase(Locale.ROOT);
  }
}
