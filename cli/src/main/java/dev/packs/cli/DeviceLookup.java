package dev.packs.cli;

import dev.packs.cache.CacheException;
import dev.packs.cache.DeviceIndexer;
import dev.packs.cache.PackRoot;
import dev.packs.index.Device;
import dev.packs.index.DeviceCatalog;
import dev.packs.cache.DeviceDatabase;
import dev.packs.cache.DeviceDatabaseException;
import dev.packs.index.DeviceMatch;
import dev.packs.index.DeviceResolver;
import dev.packs.index.IndexException;
import dev.packs.index.IndexedPack;
import dev.packs.index.PackDescriptor;
import dev.packs.index.PackSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The device queries behind {@code find} and {@code show}: the pack root's device database, brought
 * up to date first, plus any files given with {@code --pack}, which take precedence.
 */
final class DeviceLookup {
  private final PackRoot root;
  private final DeviceIndexer indexer;
  private final List<Path> packFiles;
  private final PrintWriter err;
  private final Map<String, DeviceResolver.Result> fileDevices = new HashMap<>();

  /**
   * A device and where it came from, with the other packs that also provide it and the warnings its
   * descriptor gave about it (for example, no processor).
   */
  record Shown(Device device, IndexedPack pack, List<IndexedPack> alsoIn, List<String> warnings) {}

  DeviceLookup(PackRoot root, List<Path> packFiles, PrintWriter err) {
    this.root = root;
    this.indexer = new DeviceIndexer(root);
    this.packFiles = List.copyOf(packFiles);
    this.err = err;
  }

  static DeviceLookup of(Services services, Optional<Path> packRootOption, List<Path> packFiles, PrintWriter err) {
    Path home = services.env("HOME").map(Path::of).orElse(Path.of(System.getProperty("user.home")));
    PackRoot root =
        PackRoot.locate(
            packRootOption.map(p -> services.workingDir().resolve(p)), services.environment(),
            System.getProperty("os.name"), home);
    List<Path> files = packFiles.stream().map(p -> services.workingDir().resolve(p)).toList();
    return new DeviceLookup(root, files, err);
  }

  List<DeviceMatch> find(List<String> patterns) throws IndexException, IOException, CacheException {
    DeviceCatalog catalog = catalog();
    List<DeviceMatch> matches = catalog.find(patterns);
    if (matches.isEmpty()) {
      throw new IndexException.NotFound(
          "device or board matching '" + String.join("', '", patterns) + "'", hint(catalog));
    }
    return matches;
  }

  /** What to tell a user whose query found nothing, in particular on an empty pack root. */
  private String hint(DeviceCatalog catalog) {
    if (catalog.packs().isEmpty()) {
      return "the pack root " + root.path() + " holds no descriptors yet;"
          + " install a pack, set --pack-root or CMSIS_PACK_ROOT, or name a file with --pack";
    }
    return "searched " + catalog.packs().size() + " descriptor(s) in " + root.path();
  }

  Shown show(String name) throws IndexException, IOException, CacheException {
    DeviceCatalog catalog = catalog();
    List<IndexedPack> providers = catalog.providers(name);
    for (IndexedPack p : providers) {
      Optional<Device> d = load(p, name);
      if (d.isPresent()) {
        List<IndexedPack> others = new ArrayList<>(providers);
        others.remove(p);
        return new Shown(d.get(), p, others, warnings(p, d.get().name()));
      }
    }
    List<String> near =
        catalog.find(List.of(name.length() > 6 ? name.substring(0, 6) : name)).stream()
            .map(DeviceMatch::name).distinct().limit(5).toList();
    throw new IndexException.NotFound(
        "device '" + name + "'",
        near.isEmpty() ? hint(catalog) : "similar: " + String.join(", ", near));
  }

  private Optional<Device> load(IndexedPack p, String name) throws IndexException, DeviceDatabaseException {
    if (p.source().origin() == PackSource.Origin.FILE) {
      return fileDevices.get(p.source().key()).devices().stream()
          .filter(d -> d.name().equalsIgnoreCase(name)).findFirst();
    }
    return indexer.database().device(p, name);
  }

  private List<String> warnings(IndexedPack p, String name) throws IndexException, DeviceDatabaseException {
    if (p.source().origin() == PackSource.Origin.FILE) {
      return fileDevices.get(p.source().key()).warningsFor(name);
    }
    return indexer.database().warnings(p, name);
  }

  private DeviceCatalog catalog() throws IndexException, IOException, CacheException {
    List<IndexedPack> packs = new ArrayList<>(fromFiles());
    DeviceDatabase.SyncReport report = indexer.refresh(new Reporter());
    if (report.indexed() > 0 || report.removed() > 0) {
      err.printf(
          "packs: device database updated: %d descriptor(s) read, %d removed, %d unchanged%n",
          report.indexed(), report.removed(), report.unchanged());
    }
    packs.addAll(report.catalog().packs());
    return new DeviceCatalog(packs);
  }

  private List<IndexedPack> fromFiles() throws IndexException, IOException, CacheException {
    List<IndexedPack> out = new ArrayList<>();
    for (Path file : packFiles) {
      PackDescriptor pdsc = DeviceIndexer.readDescriptor(file);
      DeviceResolver.Result r = DeviceResolver.resolve(pdsc);
      PackSource source = new PackSource("file:" + file, file, PackSource.Origin.FILE);
      pdsc.problems().forEach(p -> err.println("packs: warning: " + p));
      List<String> warnings = new ArrayList<>(pdsc.problems());
      warnings.addAll(r.warnings());
      fileDevices.put(source.key(), new DeviceResolver.Result(r.devices(), warnings));
      out.add(IndexedPack.of(source, 0, 0, pdsc, r.devices()));
    }
    return out;
  }

  /**
   * Reports descriptors that cannot be read, and the elements of a descriptor that were skipped, when
   * the database reads them. Warnings about devices are stored with them and shown by {@code show},
   * so that an update of many packs does not flood the terminal.
   */
  private final class Reporter implements DeviceDatabase.Listener {
    @Override
    public void failed(PackSource source, IndexException error) {
      err.println("packs: skipped " + source.descriptor() + ": " + error.getMessage());
    }

    @Override
    public void flawed(PackSource source, List<String> problems) {
      problems.forEach(p -> err.println("packs: warning: " + p));
    }
  }
}
