package dev.packs.index;

import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

/**
 * Which versions of a pack a reference accepts, in the forms cpackget understands. {@link #select}
 * picks the version to use from those available.
 */
public sealed interface VersionRequirement {

  /** True when {@code v} satisfies this requirement. */
  boolean accepts(Version v);

  /** The newest accepted version among {@code available}. */
  default Optional<Version> select(Collection<Version> available) {
    return available.stream().filter(this::accepts).max(Version::compareTo);
  }

  /** No version given: keep what is installed, otherwise the newest. */
  record Any() implements VersionRequirement {
    @Override
    public boolean accepts(Version v) {
      return true;
    }

    @Override
    public String toString() {
      return "";
    }
  }

  /** {@code @latest}: the newest release in the descriptor. */
  record Latest() implements VersionRequirement {
    @Override
    public boolean accepts(Version v) {
      return true;
    }

    @Override
    public String toString() {
      return "@latest";
    }
  }

  /** {@code @1.2.3} or the dotted {@code Vendor.Name.1.2.3}: exactly this version. */
  record Exact(Version version) implements VersionRequirement {
    public Exact {
      Objects.requireNonNull(version, "version");
    }

    @Override
    public boolean accepts(Version v) {
      return v.equals(version);
    }

    @Override
    public String toString() {
      return "@" + version;
    }
  }

  /** {@code @^1.2.3}: at least this version, same major. */
  record SameMajor(Version minimum) implements VersionRequirement {
    public SameMajor {
      Objects.requireNonNull(minimum, "minimum");
    }

    @Override
    public boolean accepts(Version v) {
      return v.major() == minimum.major() && v.compareTo(minimum) >= 0;
    }

    @Override
    public String toString() {
      return "@^" + minimum;
    }
  }

  /** {@code @~1.2.3}: at least this version, same major and minor. */
  record SameMinor(Version minimum) implements VersionRequirement {
    public SameMinor {
      Objects.requireNonNull(minimum, "minimum");
    }

    @Override
    public boolean accepts(Version v) {
      return v.major() == minimum.major()
          && v.minor() == minimum.minor()
          && v.compareTo(minimum) >= 0;
    }

    @Override
    public String toString() {
      return "@~" + minimum;
    }
  }

  /** {@code @>=1.2.3} or {@code >=1.2.3}: this version or any newer one. */
  record AtLeast(Version minimum) implements VersionRequirement {
    public AtLeast {
      Objects.requireNonNull(minimum, "minimum");
    }

    @Override
    public boolean accepts(Version v) {
      return v.compareTo(minimum) >= 0;
    }

    @Override
    public String toString() {
      return "@>=" + minimum;
    }
  }

  /**
   * {@code a.b.c:x.y.z} from a descriptor's {@code <requirements>}: between the two, inclusive;
   * {@code a.b.c:_} has no upper bound.
   */
  record Range(Version minimum, Optional<Version> maximum) implements VersionRequirement {
    public Range {
      Objects.requireNonNull(minimum, "minimum");
      Objects.requireNonNull(maximum, "maximum");
    }

    @Override
    public boolean accepts(Version v) {
      return v.compareTo(minimum) >= 0 && maximum.map(max -> v.compareTo(max) <= 0).orElse(true);
    }

    @Override
    public String toString() {
      return minimum + ":" + maximum.map(Version::toString).orElse("_");
    }
  }
}
