package dev.packs.cache.internal.index;

import dev.packs.cache.InvalidPackIdException;
import dev.packs.index.IndexException;
import dev.packs.index.PackId;
import dev.packs.index.VersionRequirement;
import java.util.Optional;

/** Pack IDs through the index module's {@link PackId}, with the questions {@code install} asks. */
public final class PackIds {
  private PackIds() {}

  /** Parses any cpackget form; a malformed ID is an {@link InvalidPackIdException}, a usage error. */
  public static PackId parse(String text) throws InvalidPackIdException {
    try {
      return PackId.parse(text);
    } catch (IndexException.BadPackId e) {
      throw new InvalidPackIdException(e);
    }
  }

  /** {@code @latest}: install the newest even when another version is installed. */
  public static boolean wantsLatest(PackId id) {
    return id.requirement() instanceof VersionRequirement.Latest;
  }

  /** A version or a range was given. */
  public static boolean pinned(PackId id) {
    return !(id.requirement() instanceof VersionRequirement.Any) && !wantsLatest(id);
  }

  /** The one version an {@code @1.2.3} or dotted ID names, without {@code +meta}. */
  public static Optional<String> exact(PackId id) {
    return id.requirement() instanceof VersionRequirement.Exact e ? Optional.of(e.version().withoutMeta()) : Optional.empty();
  }
}
