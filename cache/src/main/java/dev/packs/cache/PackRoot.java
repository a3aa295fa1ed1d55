package dev.packs.cache;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A pack root laid out as {@code CMSIS_PACK_ROOT}, as cpackget, Keil MDK and the VS Code CMSIS tools
 * share it. This type only names the places; it reads and writes nothing.
 *
 * <pre>
 * pack.idx                              touched whenever packs change
 * .Web/index.pidx                       the public index
 * .Web/Vendor.Name.pdsc                 latest public descriptors, unversioned names
 * .Download/Vendor.Name.Version.pack    downloaded archives, plus the versioned .pdsc
 * .Local/local_repository.pidx          descriptors registered from local folders
 * Vendor/Name/Version/                  extracted packs
 * .packs/                               our own bookkeeping (device database, algorithm cache, ...)
 * </pre>
 */
public record PackRoot(Path path) {
  public PackRoot {
    path = Objects.requireNonNull(path, "path").toAbsolutePath().normalize();
  }

  /**
   * Chooses the root the way cpackget does: the {@code --pack-root} option, then {@code
   * $CMSIS_PACK_ROOT}, then the platform default ({@code %LOCALAPPDATA%\Arm\Packs} on Windows,
   * {@code $XDG_CACHE_HOME/arm/packs} or {@code ~/.cache/arm/packs} elsewhere).
   */
  public static PackRoot locate(Optional<Path> option, Map<String, String> env, String osName, Path home) {
    if (option.isPresent()) {
      return new PackRoot(option.get());
    }
    Optional<String> fromEnv = nonEmpty(env.get("CMSIS_PACK_ROOT"));
    if (fromEnv.isPresent()) {
      return new PackRoot(Path.of(fromEnv.get()));
    }
    if (osName.toLowerCase(Locale.ROOT).startsWith("windows")) {
      Path localAppData =
          nonEmpty(env.get("LOCALAPPDATA")).map(Path::of).orElse(home.resolve("AppData/Local"));
      return new PackRoot(localAppData.resolve("Arm").resolve("Packs"));
    }
    Path cache = nonEmpty(env.get("XDG_CACHE_HOME")).map(Path::of).orElse(home.resolve(".cache"));
    return new PackRoot(cache.resolve("arm").resolve("packs"));
  }

  private static Optional<String> nonEmpty(String value) {
    return Optional.ofNullable(value).filter(v -> !v.isBlank());
  }

  public Path packIdx() {
    return path.resolve("pack.idx");
  }

  public Path webDir() {
    return path.resolve(".Web");
  }

  public Path publicIndex() {
    return webDir().resolve("index.pidx");
  }

  /** The latest public descriptor of a pack, stored without its version in the name. */
  public Path webDescriptor(String vendor, String name) {
    return webDir().resolve(vendor + "." + name + ".pdsc");
  }

  public Path downloadDir() {
    return path.resolve(".Download");
  }

  public Path downloadedPack(String vendor, String name, String version) {
    return downloadDir().resolve(vendor + "." + name + "." + stripMeta(version) + ".pack");
  }

  public Path downloadedDescriptor(String vendor, String name, String version) {
    return downloadDir().resolve(vendor + "." + name + "." + stripMeta(version) + ".pdsc");
  }

  public Path localDir() {
    return path.resolve(".Local");
  }

  public Path localRepositoryIndex() {
    return localDir().resolve("local_repository.pidx");
  }

  /** Where an installed pack lives; the folder name drops any {@code +meta} of the version. */
  public Path installDir(String vendor, String name, String version) {
    return path.resolve(vendor).resolve(name).resolve(stripMeta(version));
  }

  /** Our own bookkeeping: one hidden folder, so other tools never trip over it. */
  public Path stateDir() {
    return path.resolve(".packs");
  }

  /** The device database built from every descriptor of the root. */
  public Path deviceDatabaseDir() {
    return stateDir().resolve("devices");
  }

  private static String stripMeta(String version) {
    int plus = version.indexOf('+');
    return plus < 0 ? version : version.substring(0, plus);
  }
}
