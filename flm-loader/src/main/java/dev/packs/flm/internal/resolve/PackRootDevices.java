package dev.packs.flm.internal.resolve;

import dev.packs.cache.PackRoot;
import dev.packs.flm.ProjectException;
import dev.packs.flm.ResolvedTarget;
import dev.packs.index.Device;
import dev.packs.index.DeviceResolver;
import dev.packs.index.IndexException;
import dev.packs.index.PackDescriptor;
import dev.packs.index.PdscReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The devices of the packs installed under a pack root ({@code Vendor/Name/Version/*.pdsc}). Only
 * descriptors whose text mentions the start of the target name are parsed, so a root with many packs
 * costs one read per descriptor and one parse per likely pack. Unreadable descriptors provide no
 * devices.
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
    List<DeviceEntry> entries = new ArrayList<>();
    for (Path pdsc : installedDescriptors()) {
      readIfMentioned(pdsc, prefix).ifPresent(d -> addDevices(d, pdsc, prefix, entries));
    }
    return entries;
  }

  private Optional<PackDescriptor> readIfMentioned(Path pdsc, String prefix) {
    try {
      byte[] bytes = Files.readAllBytes(pdsc);
      String text = new String(bytes, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT).replace('-', '_');
      if (!text.contains(prefix)) {
        return Optional.empty();
      }
      return Optional.of(PdscReader.read(new ByteArrayInputStream(bytes), pdsc.toString()));
    } catch (IndexException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new ProjectException.FileFailure(pdsc, "cannot read", e);
    }
  }

  private static void addDevices(PackDescriptor pdsc, Path file, String prefix, List<DeviceEntry> out) {
    Path packDir = file.getParent();
    ResolvedTarget.PackRef pack = new ResolvedTarget.PackRef(
        pdsc.vendor(), pdsc.name(), packDir.getFileName().toString());
    for (Device device : DeviceResolver.resolve(pdsc).devices()) {
      if (!TargetMatcher.normalise(device.name()).startsWith(prefix)) {
        continue;
      }
      for (Device.Target t : device.targets()) {
        out.add(new DeviceEntry(pack, packDir, device.name(), t.pname(), device.processors().size(),
            t.memories().stream().map(PackRootDevices::memory).toList(),
            t.algorithms().stream().map(PackRootDevices::algorithm).toList()));
      }
    }
  }

  private static DeviceEntry.MemorySpec memory(Device.Memory m) {
    return new DeviceEntry.MemorySpec(m.name(), m.start(), m.size(), m.access(), m.isDefault(), m.startup());
  }

  private static DeviceEntry.AlgorithmSpec algorithm(Device.Algorithm a) {
    return new DeviceEntry.AlgorithmSpec(a.path(), a.start(), a.size(), a.isDefault(), a.ramStart(), a.ramSize(),
        a.pname());
  }

  /** {@code Vendor/Name/Version/*.pdsc} under the root, skipping the dot-folders. */
  private List<Path> installedDescriptors() {
    List<Path> found = new ArrayList<>();
    for (Path vendor : children(root.path())) {
      for (Path name : children(vendor)) {
        for (Path version : children(name)) {
          try (Stream<Path> files = Files.list(version)) {
            files.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdsc"))
                .sorted().forEach(found::add);
          } catch (IOException e) {
            throw new ProjectException.FileFailure(version, "cannot list", e);
          }
        }
      }
    }
    return found;
  }

  private static List<Path> children(Path dir) {
    List<Path> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, p -> Files.isDirectory(p)
        && !p.getFileName().toString().startsWith("."))) {
      stream.forEach(out::add);
    } catch (IOException e) {
      throw new ProjectException.FileFailure(dir, "cannot list", e);
    }
    out.sort(null);
    return out;
  }
}
