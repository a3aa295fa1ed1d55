package dev.packs.cache.internal;

import dev.packs.cache.CacheIoException;
import dev.packs.cache.InstalledPack;
import dev.packs.cache.PackRoot;
import dev.packs.cache.internal.index.Versions;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The packs extracted in a root: every {@code Vendor/Name/Version/} folder holding a {@code .pdsc}. */
public final class InstalledPacks {
  private InstalledPacks() {}

  public static List<InstalledPack> scan(PackRoot root) throws CacheIoException {
    List<InstalledPack> found = new ArrayList<>();
    for (Path vendor : dirs(root.path())) {
      for (Path name : dirs(vendor)) {
        for (Path version : dirs(name)) {
          if (hasDescriptor(version)) {
            found.add(
                new InstalledPack(
                    vendor.getFileName().toString(), name.getFileName().toString(), version.getFileName().toString(), version));
          }
        }
      }
    }
    found.sort(
        Comparator.comparing(InstalledPack::vendor)
            .thenComparing(InstalledPack::name)
            .thenComparing((a, b) -> Versions.compare(a.version(), b.version())));
    return found;
  }

  /** The packs registered from local folders ({@code install X.pdsc}); each path is its folder. */
  public static List<InstalledPack> local(PackRoot root) throws dev.packs.cache.CacheException {
    return LocalRepository.read(root).stream().map(InstalledPacks::ofLocal).toList();
  }

  static InstalledPack ofLocal(dev.packs.cache.PublicPack registered) {
    return new InstalledPack(registered.vendor(), registered.name(), registered.version(),
        Descriptors.FileTransportPaths.dir(registered.url()));
  }

  public static List<InstalledPack> versions(PackRoot root, String vendor, String name) throws CacheIoException {
    return scan(root).stream()
        .filter(p -> p.vendor().equalsIgnoreCase(vendor) && p.name().equalsIgnoreCase(name))
        .toList();
  }

  /** The descriptor of an installed pack: {@code Vendor.Name.pdsc}, else the only {@code .pdsc}. */
  public static Optional<Path> descriptor(InstalledPack pack) throws CacheIoException {
    Path named = pack.path().resolve(pack.vendor() + "." + pack.name() + ".pdsc");
    if (Files.isRegularFile(named)) {
      return Optional.of(named);
    }
    try (DirectoryStream<Path> s = Files.newDirectoryStream(pack.path(), "*.pdsc")) {
      for (Path p : s) {
        return Optional.of(p);
      }
      return Optional.empty();
    } catch (IOException e) {
      throw new CacheIoException(pack.path(), e);
    }
  }

  private static boolean hasDescriptor(Path dir) throws CacheIoException {
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "*.pdsc")) {
      return s.iterator().hasNext();
    } catch (IOException e) {
      throw new CacheIoException(dir, e);
    }
  }

  private static List<Path> dirs(Path parent) throws CacheIoException {
    List<Path> out = new ArrayList<>();
    if (!Files.isDirectory(parent)) {
      return out;
    }
    try (DirectoryStream<Path> s = Files.newDirectoryStream(parent, p -> Files.isDirectory(p) && !p.getFileName().toString().startsWith("."))) {
      s.forEach(out::add);
    } catch (IOException e) {
      throw new CacheIoException(parent, e);
    }
    out.sort(Comparator.naturalOrder());
    return out;
  }
}
