package dev.packs.index;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reference to a pack as users type it: {@code Vendor::Name}, with {@code @1.2.3}, {@code
 * @^1.2.3}, {@code @~1.2.3}, {@code @>=1.2.3}, {@code >=1.2.3} or {@code @latest}; the dotted {@code
 * Vendor.Name.1.2.3} and {@code Vendor.Name}; or a bare {@code Name}, resolved through an index with
 * {@link #resolveVendor}.
 */
public record PackId(Optional<String> vendor, String name, VersionRequirement requirement) {
  private static final String NAME = "[-_A-Za-z0-9]+";
  private static final Pattern LEGACY =
      Pattern.compile("(?:(" + NAME + ")::)?(" + NAME + ")(?:(@\\^|@~|@>=|>=|@)(.+))?");
  private static final Pattern DOTTED = Pattern.compile("(" + NAME + ")\\.(" + NAME + ")(?:\\.(.+))?");

  public PackId {
    Objects.requireNonNull(vendor, "vendor");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(requirement, "requirement");
  }

  /** Reads a pack reference in any of the accepted forms. */
  public static PackId parse(String text) throws IndexException.BadPackId {
    String s = text.trim();
    Matcher legacy = LEGACY.matcher(s);
    if (legacy.matches()) {
      return new PackId(
          Optional.ofNullable(legacy.group(1)),
          legacy.group(2),
          requirement(text, legacy.group(3), legacy.group(4)));
    }
    Matcher dotted = DOTTED.matcher(s);
    if (dotted.matches()) {
      VersionRequirement req =
          dotted.group(3) == null
              ? new VersionRequirement.Any()
              : new VersionRequirement.Exact(version(text, dotted.group(3)));
      return new PackId(Optional.of(dotted.group(1)), dotted.group(2), req);
    }
    throw new IndexException.BadPackId(
        text, "expected Vendor::Name[@version], Vendor.Name[.version] or Name");
  }

  private static VersionRequirement requirement(String text, String op, String value)
      throws IndexException.BadPackId {
    if (op == null) {
      return new VersionRequirement.Any();
    }
    if (op.equals("@") && value.equals("latest")) {
      return new VersionRequirement.Latest();
    }
    Version v = version(text, value);
    return switch (op) {
      case "@" -> new VersionRequirement.Exact(v);
      case "@^" -> new VersionRequirement.SameMajor(v);
      case "@~" -> new VersionRequirement.SameMinor(v);
      default -> new VersionRequirement.AtLeast(v);
    };
  }

  private static Version version(String text, String value) throws IndexException.BadPackId {
    return Version.tryParse(value)
        .orElseThrow(() -> new IndexException.BadPackId(text, "'" + value + "' is not a version"));
  }

  /**
   * Gives a bare name its vendor from the index: the one vendor that publishes a pack of this name
   * (case-insensitive).
   *
   * @throws IndexException.NotFound when no vendor publishes it
   * @throws IndexException.AmbiguousName listing the vendors when several do
   */
  public PackId resolveVendor(PackIndex index) throws IndexException {
    if (vendor.isPresent()) {
      return this;
    }
    TreeSet<String> vendors = new TreeSet<>();
    String exactName = name;
    for (PackIndex.Entry e : index.packs()) {
      if (e.name().equalsIgnoreCase(name)) {
        vendors.add(e.vendor());
        exactName = e.name();
      }
    }
    if (vendors.isEmpty()) {
      throw new IndexException.NotFound("pack '" + name + "'", "no vendor in the index publishes it");
    }
    if (vendors.size() > 1) {
      throw new IndexException.AmbiguousName(name, List.copyOf(vendors));
    }
    return new PackId(Optional.of(vendors.first()), exactName, requirement);
  }

  @Override
  public String toString() {
    return vendor.map(v -> v + "::").orElse("") + name + requirement;
  }
}
