package dev.packs.cache.internal.mirror;

import dev.packs.cache.CacheException;
import dev.packs.cache.PackNotFoundException;
import dev.packs.cache.PublicPack;
import dev.packs.cache.internal.index.PackIds;
import dev.packs.index.PackDescriptor;
import dev.packs.index.PackId;
import dev.packs.index.VersionRequirement;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Which packs a run mirrors: the requests of earlier runs and of this one, or the whole index. */
final class Selection {
  /** One pack to mirror, and the release range wanted; {@code asked} names it in messages. */
  record Want(String vendor, String name, VersionRequirement requirement, String asked) {
    String key() {
      return UpstreamIndex.key(vendor, name);
    }

    /** The newest release the range accepts. */
    Optional<PackDescriptor.Release> choose(PackDescriptor info) {
      boolean newest = requirement instanceof VersionRequirement.Any || requirement instanceof VersionRequirement.Latest;
      return info.releases().stream().filter(r -> newest || requirement.accepts(r.version())).findFirst();
    }

    static Want required(PackDescriptor.Requirement r, String by) {
      return new Want(r.vendor(), r.name(), r.versions(), r.vendor() + "::" + r.name() + " (required by " + by + ")");
    }
  }

  private Selection() {}

  /**
   * Checks each request against the index and returns what to mirror. {@code persisted} receives
   * each request with its vendor filled in, so that a rerun repeats it exactly.
   *
   * @throws PackNotFoundException for a request the index does not list, or a bare name several vendors ship
   */
  static List<Want> of(List<String> requests, Map<String, PublicPack> index, URI indexUrl, List<String> persisted)
      throws CacheException {
    List<Want> wants = new ArrayList<>();
    for (String text : requests) {
      PackId id = PackIds.parse(text.strip());
      String vendor = id.vendor().isPresent() ? id.vendor().get() : vendorOf(id.name(), text, index, indexUrl);
      PublicPack entry = index.get(UpstreamIndex.key(vendor, id.name()));
      if (entry == null) {
        throw new PackNotFoundException(text, "not listed in " + indexUrl);
      }
      wants.add(new Want(entry.vendor(), entry.name(), id.requirement(), text));
      persisted.add(id.vendor().isPresent() ? text.strip() : entry.vendor() + "::" + text.strip());
    }
    return wants;
  }

  /** Every pack of the index, newest release. */
  static List<Want> all(Map<String, PublicPack> index) {
    return index.values().stream()
        .map(p -> new Want(p.vendor(), p.name(), new VersionRequirement.Any(), p.vendor() + "::" + p.name()))
        .toList();
  }

  private static String vendorOf(String name, String text, Map<String, PublicPack> index, URI indexUrl)
      throws PackNotFoundException {
    List<String> vendors = index.values().stream().filter(p -> p.name().equalsIgnoreCase(name)).map(PublicPack::vendor).sorted().toList();
    if (vendors.isEmpty()) {
      throw new PackNotFoundException(text, "no pack of that name in " + indexUrl);
    }
    if (vendors.size() > 1) {
      throw new PackNotFoundException(text, "ambiguous, several vendors ship it: " + vendors + "; write Vendor::" + name);
    }
    return vendors.get(0);
  }
}
