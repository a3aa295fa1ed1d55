package dev.packs.project.internal.resolve;

import dev.packs.cache.DeviceIndexer;
import dev.packs.cache.PackRoot;
import dev.packs.project.ProjectException;
import dev.packs.project.ResolvedTarget;
import dev.packs.index.Device;
import dev.packs.index.DeviceCatalog;
import dev.packs.cache.DeviceDatabase;
import dev.packs.cache.DeviceDatabaseException;
import dev.packs.index.IndexedPack;
import dev.packs.index.PackSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The devices of the packs installed under a pack root, from the root's device database (brought up
 * to date first, incrementally). A device known only from a web descriptor is reported as a pack to
 * install, since its algorithm files are not on disk.
 */
public final class PackRootDevices implements InstalledDevices {
  /** As many leading characters as {@link TargetMatcher} uses for suggestions. */
  private static final int PREFIX = 7;

  private final PackRoot root;

  public PackRootDevices(PackRoot root) {
    this.root = root;
  }

  @Override
  public List<DeviceEntry> candidates(String target) {
    String name = TargetMatcher.normalise(target.contains(":") ? target.substring(0, target.indexOf(':')) : target);
    String prefix = name.length() > PREFIX ? name.substring(0, PREFIX) : name;
    DeviceIndexer indexer = new DeviceIndexer(root);
    try {
      indexer.refresh(new DeviceDatabase.Listener() {});
      DeviceDatabase database = indexer.database();
      DeviceCatalog catalog = database.catalog();
      List<DeviceEntry> entries = new ArrayList<>();
      for (IndexedPack pack : catalog.packs()) {
        if (!pack.installed()) {
          continue;
        }
        for (IndexedPack.DeviceName device : pack.devices()) {
          String normal = TargetMatcher.normalise(device.name());
          if (normal.equals(name)) {
            database.device(pack, device.name()).ifPresent(d -> addTargets(pack, d, entries));
          } else if (normal.startsWith(prefix)) {
            entries.add(nameOnly(pack, device.name()));
          }
        }
      }
      requireInstalled(target, name, catalog, entries);
      return entries;
    } catch (DeviceDatabaseException e) {
      throw new ProjectException.FileFailure(root.deviceDatabaseDir(), "cannot read the device database", e);
    }
  }

  /** A device seen only for suggestions: no memories, no algorithms. */
  private static DeviceEntry nameOnly(IndexedPack pack, String name) {
    return new DeviceEntry(packRef(pack), packDir(pack), name, Optional.empty(), 1, List.of(), List.of());
  }

  private static void addTargets(IndexedPack pack, Device device, List<DeviceEntry> out) {
    out.addAll(entries(packRef(pack), packDir(pack), device));
  }

  /** One entry per processor of {@code device}, with that processor's memories and algorithms. */
  static List<DeviceEntry> entries(ResolvedTarget.PackRef pack, Path packDir, Device device) {
    List<DeviceEntry> out = new ArrayList<>();
    for (Device.Target t : device.targets()) {
      out.add(new DeviceEntry(pack, packDir, device.name(), t.pname(), device.processors().size(),
          t.memories().stream()
              .map(m -> new DeviceEntry.MemorySpec(m.name(), m.start(), m.size(), m.access(), m.isDefault(), m.startup()))
              .toList(),
          t.algorithms().stream()
              .filter(a -> !a.style().equalsIgnoreCase("IAR")) // IAR's .flash files are not FLMs
              .map(a -> new DeviceEntry.AlgorithmSpec(a.path(), a.start(), a.size(), a.isDefault(), a.ramStart(),
                  a.ramSize(), a.pname()))
              .toList()));
    }
    return out;
  }

  /** Fails naming the pack to install when only a web descriptor provides the device. */
  private static void requireInstalled(String target, String name, DeviceCatalog catalog, List<DeviceEntry> found) {
    if (found.stream().anyMatch(d -> TargetMatcher.normalise(d.name()).equals(name))) {
      return;
    }
    List<String> web = catalog.packs().stream().filter(p -> !p.installed())
        .filter(p -> p.devices().stream().anyMatch(d -> TargetMatcher.normalise(d.name()).equals(name)))
        .map(p -> p.vendor() + "::" + p.name()).distinct().sorted().toList();
    if (!web.isEmpty()) {
      throw new ProjectException.PackNotInstalled(String.join(", ", web),
          " (it provides " + target + "); install it with 'packs install " + web.get(0) + "'");
    }
  }

  private static ResolvedTarget.PackRef packRef(IndexedPack pack) {
    String version = pack.source().origin() == PackSource.Origin.INSTALLED
        ? packDir(pack).getFileName().toString()
        : pack.version().map(Object::toString).orElse("0.0.0");
    return new ResolvedTarget.PackRef(pack.vendor(), pack.name(), version);
  }

  private static Path packDir(IndexedPack pack) {
    return pack.source().descriptor().toAbsolutePath().getParent();
  }
}
