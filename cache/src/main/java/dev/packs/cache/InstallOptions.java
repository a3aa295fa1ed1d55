package dev.packs.cache;

/**
 * How {@code install} treats dependencies and packs already present.
 *
 * @param dependencies also install the packs the descriptor's {@code <requirements>} name
 * @param force extract again even when the version is installed
 */
public record InstallOptions(Dependencies dependencies, boolean force) {
  /** Whether {@code <requirements><packages>} are installed too. */
  public enum Dependencies {
    INSTALL,
    SKIP
  }

  public InstallOptions {
    java.util.Objects.requireNonNull(dependencies, "dependencies");
  }

  public static InstallOptions defaults() {
    return new InstallOptions(Dependencies.INSTALL, false);
  }
}
