package dev.packs.index;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A pack index ({@code .pidx}) or vendor index ({@code .vidx}): the packs it lists, newest version
 * only, and the vendor indexes it points to.
 *
 * @param vendor who publishes the index; absent only in a bare fragment
 * @param url where the index lives; absent only in a bare fragment
 * @param timestamp as written (formats vary between tools)
 */
public record PackIndex(
    Optional<String> vendor,
    Optional<String> url,
    Optional<String> timestamp,
    List<Entry> packs,
    List<VendorIndex> vendorIndexes) {

  public PackIndex {
    Objects.requireNonNull(vendor, "vendor");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(timestamp, "timestamp");
    packs = List.copyOf(packs);
    vendorIndexes = List.copyOf(vendorIndexes);
  }

  /** One {@code <pdsc>} line: a pack and where its descriptor lives. */
  public record Entry(
      String url,
      String vendor,
      String name,
      Version version,
      Optional<String> date,
      Optional<String> deprecated,
      Optional<String> replacement) {
    public Entry {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(vendor, "vendor");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(date, "date");
      Objects.requireNonNull(deprecated, "deprecated");
      Objects.requireNonNull(replacement, "replacement");
    }

    /** The URL of the descriptor: {@code url + Vendor.Name.pdsc}, with a slash added if missing. */
    public String descriptorUrl() {
      return slashed(url) + vendor + "." + name + ".pdsc";
    }

    /** The URL of the pack archive: {@code url + Vendor.Name.Version.pack}. */
    public String packUrl() {
      return slashed(url) + vendor + "." + name + "." + version.withoutMeta() + ".pack";
    }
  }

  /** One {@code <pidx>} line of a vendor index. */
  public record VendorIndex(String url, String vendor, Optional<String> date) {
    public VendorIndex {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(vendor, "vendor");
      Objects.requireNonNull(date, "date");
    }

    /** The vendor's {@code .pidx}: {@code url + vendor + ".pidx"}, with a slash added if missing. */
    public String pidxUrl() {
      return slashed(url) + vendor + ".pidx";
    }
  }

  private static String slashed(String url) {
    return url.isEmpty() || url.endsWith("/") ? url : url + "/";
  }
}
