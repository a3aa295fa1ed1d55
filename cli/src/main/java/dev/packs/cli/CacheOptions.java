package dev.packs.cli;

import dev.packs.cache.CacheConfig;
import dev.packs.cache.PackRoot;
import dev.packs.cache.ProxySettings;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

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

  CacheConfig config(Services services) {
    PackRoot root = root(services);
    Properties file = configFile(services, root);
    CacheConfig.Builder b = CacheConfig.builder(root).clock(services.clock()).proxies(ProxySettings.fromEnvironment(services.environment()));
    b.version(Optional.ofNullable(PacksCommand.class.getPackage().getImplementationVersion()).orElse("dev"));
    Optional<String> url = indexUrl.map(URI::toString).or(() -> prop(file, "index-url"));
    url.ifPresent(u -> b.indexUrl(absolute(u, services)));
    boolean off = offline || services.env("PACKS_OFFLINE").filter(v -> !v.equals("0") && !v.equalsIgnoreCase("false")).isPresent()
        || prop(file, "offline").filter("true"::equalsIgnoreCase).isPresent();
    b.network(off ? CacheConfig.Network.OFFLINE : CacheConfig.Network.ONLINE);
    CacheConfig.Timeouts d = CacheConfig.Timeouts.defaults();
    b.timeouts(new CacheConfig.Timeouts(
        seconds(file, "connect-timeout-seconds").orElse(d.connect()),
        seconds(file, "read-timeout-seconds").orElse(d.read()),
        seconds(file, "call-timeout-seconds").orElse(d.call())));
    seconds(file, "lock-timeout-seconds").ifPresent(b::lockTimeout);
    prop(file, "per-host-limit").map(Integer::parseInt).ifPresent(b::perHostLimit);
    return b.build();
  }

  private static URI absolute(String url, Services services) {
    URI uri = URI.create(url);
    return uri.isAbsolute() ? uri : services.workingDir().resolve(url).toUri();
  }

  private static Properties configFile(Services services, PackRoot root) {
    Path path = services.env("PACKS_CONFIG").map(Path::of).orElse(root.stateDir().resolve("config.properties"));
    Properties p = new Properties();
    if (Files.isRegularFile(path)) {
      try (Reader r = Files.newBufferedReader(path)) {
        p.load(r);
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read the config file " + path + ": " + e.getMessage(), e);
      }
    }
    return p;
  }

  private static Optional<String> prop(Properties p, String key) {
    return Optional.ofNullable(p.getProperty(key)).map(String::strip).filter(s -> !s.isEmpty());
  }

  private static Optional<Duration> seconds(Properties p, String key) {
    return prop(p, key).map(Long::parseLong).map(Duration::ofSeconds);
  }
}
