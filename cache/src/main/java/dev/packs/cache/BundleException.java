package dev.packs.cache;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A bundle cannot be written or imported: it does not hold what {@code packs.lock} needs, or a file
 * in it differs from its manifest or from the lock. Lists every problem found; nothing was installed.
 */
public final class BundleException extends CacheException {
  private final Path bundle;
  private final List<String> problems;

  public BundleException(Path bundle, List<String> problems) {
    super(bundle + ": " + (problems.size() == 1 ? problems.get(0)
        : problems.size() + " problems:\n  " + String.join("\n  ", problems)), null);
    this.bundle = Objects.requireNonNull(bundle, "bundle");
    this.problems = List.copyOf(problems);
  }

  public Path bundle() {
    return bundle;
  }

  /** One sentence per problem, each naming the entry or pack concerned. */
  public List<String> problems() {
    return problems;
  }
}
