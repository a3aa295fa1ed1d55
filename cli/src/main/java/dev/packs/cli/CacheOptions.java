package dev.packs.cli;

import dev.packs.cache.CacheConfig;
import dev.packs.cache.CacheException;
import dev.packs.cache.ConfigFile;
import dev.packs.cache.PackRoot;
import dev.packs.cache.ProxySettings;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The options every cache command shares, and how they combine with the environment and the config
 * file: a command-line option wins over {@code PACKS_OFFLINE}/{@code CMSIS_PACK_ROOT}, which win over
 * {@code <root>/.packs/config.properties} (or the file {@code PACKS_CONFIG} names), which wins over
 * the defaults.
 */
final class CacheOptions {
  private final Optional<Path> packRoot;
  private final Optional<URI> indexUrl;
  private final boolean offline;

  /** Reads the global options {@code --pack-root}, {@code --index-url} and {@code --offline}. */
  CacheOptions(PacksCommand global) {
    this.packRoot = global.packRoot();
    this.indexUrl = global.indexUrl();
    this.offline = global.offline();
  }

  PackRoot root(Services services) {
    return ProjectContext.packRoot(services, packRoot);
  }

  /**
   * The cache configuration from the options, the environment and the config file.
   *
   * @throws dev.packs.cache.ConfigException if a setting has a value that does not parse, naming where it was set
   * @throws dev.packs.cache.CacheIoException if the config file exists but cannot be read
   */
  CacheConfig config(Services services) throws CacheException {
    PackRoot root = root(services);
    ConfigFile file = ConfigFile.read(configFile(services, root));
    CacheConfig.Builder b = CacheConfig.builder(root).clock(services.clock()).proxies(ProxySettings.fromEnvironment(services.environment()));
    b.version(Optional.ofNullable(PacksCommand.class.getPackage().getImplementationVersion()).orElse("dev"));
    indexUrl.or(file::indexUrl).ifPresent(u -> b.indexUrl(absolute(u, services)));
    boolean off = offline || ConfigFile.offlineFromEnvironment(services.environment()).or(file::offline).orElse(false);
    b.network(off ? CacheConfig.Network.OFFLINE : CacheConfig.Network.ONLINE);
    CacheConfig.Timeouts d = CacheConfig.Timeouts.defaults();
    b.timeouts(new CacheConfig.Timeouts(
        file.connectTimeout().orElse(d.connect()), file.readTimeout().orElse(d.read()), file.callTimeout().orElse(d.call())));
    file.lockTimeout().ifPresent(b::lockTimeout);
    file.perHostLimit().ifPresent(b::perHostLimit);
    return b.build();
  }

  private static URI absolute(URI uri, Services services) {
    return uri.isAbsolute() ? uri : services.workingDir().resolve(uri.toString()).toUri();
  }

  private static Path configFile(Services services, PackRoot root) {
    return services.env("PACKS_CONFIG").map(Path::of).orElse(root.stateDir().resolve("config.properties"));
  }
}
