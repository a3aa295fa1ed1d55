package dev.packs.cache;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;

/**
 * The settings of a {@code config.properties} file (by default {@code <root>/.packs/config.properties}),
 * read and checked. Every setting is optional; the caller decides what wins over the file.
 *
 * @param indexUrl {@code index-url}, possibly relative
 * @param offline {@code offline}
 * @param connectTimeout {@code connect-timeout-seconds}
 * @param readTimeout {@code read-timeout-seconds}
 * @param callTimeout {@code call-timeout-seconds}
 * @param lockTimeout {@code lock-timeout-seconds}
 * @param perHostLimit {@code per-host-limit}
 */
public record ConfigFile(
    Optional<URI> indexUrl,
    Optional<Boolean> offline,
    Optional<Duration> connectTimeout,
    Optional<Duration> readTimeout,
    Optional<Duration> callTimeout,
    Optional<Duration> lockTimeout,
    OptionalInt perHostLimit) {
  /** The longest timeout a setting may ask for; the HTTP client refuses much more. */
  private static final long MAX_SECONDS = Duration.ofDays(1).toSeconds();
  private static final String FLAG_VALUES = "true or false (or 1/0, yes/no, on/off)";

  public ConfigFile {
    Objects.requireNonNull(indexUrl, "indexUrl");
    Objects.requireNonNull(offline, "offline");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
    Objects.requireNonNull(callTimeout, "callTimeout");
    Objects.requireNonNull(lockTimeout, "lockTimeout");
    Objects.requireNonNull(perHostLimit, "perHostLimit");
  }

  /**
   * Reads {@code file}; a missing file sets nothing.
   *
   * @throws ConfigException if a value does not parse, naming the file, the key and the value
   * @throws CacheIoException if the file exists but cannot be read
   */
  public static ConfigFile read(Path file) throws ConfigException, CacheIoException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file)) {
      p.load(r);
    } catch (NoSuchFileException e) {
      // no file, no settings
    } catch (IOException e) {
      throw new CacheIoException(file, e);
    } catch (IllegalArgumentException e) { // Properties.load: a malformed Unicode escape
      throw new CacheIoException(file, new IOException(e.getMessage(), e));
    }
    Values v = new Values(file, p);
    return new ConfigFile(
        v.uri("index-url"),
        v.flag("offline"),
        v.seconds("connect-timeout-seconds"),
        v.seconds("read-timeout-seconds"),
        v.seconds("call-timeout-seconds"),
        v.seconds("lock-timeout-seconds"),
        v.positiveInt("per-host-limit"));
  }

  /**
   * What {@code PACKS_OFFLINE} says, read like the file's {@code offline}: empty when it is unset.
   *
   * @throws ConfigException if it is set to something else than a yes or a no
   */
  public static Optional<Boolean> offlineFromEnvironment(Map<String, String> env) throws ConfigException {
    Optional<String> text = Optional.ofNullable(env.get("PACKS_OFFLINE")).map(String::strip).filter(s -> !s.isEmpty());
    if (text.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(flag(text.get()).orElseThrow(
        () -> ConfigException.inEnvironment("PACKS_OFFLINE", text.get(), FLAG_VALUES)));
  }

  /** A yes or a no: 1, true, yes or on, and 0, false, no or off, in any case. */
  private static Optional<Boolean> flag(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "1", "true", "yes", "on" -> Optional.of(true);
      case "0", "false", "no", "off" -> Optional.of(false);
      default -> Optional.empty();
    };
  }

  private record Values(Path file, Properties properties) {
    Optional<String> get(String key) {
      return Optional.ofNullable(properties.getProperty(key)).map(String::strip).filter(s -> !s.isEmpty());
    }

    ConfigException bad(String key, String value, String expected) {
      return ConfigException.inFile(file, key, value, expected);
    }

    Optional<URI> uri(String key) throws ConfigException {
      Optional<String> text = get(key);
      if (text.isEmpty()) {
        return Optional.empty();
      }
      try {
        return Optional.of(new URI(text.get()));
      } catch (URISyntaxException e) {
        throw bad(key, text.get(), "a URL such as https://www.keil.com/pack/index.pidx (" + e.getReason() + ")");
      }
    }

    Optional<Boolean> flag(String key) throws ConfigException {
      Optional<String> text = get(key);
      if (text.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(ConfigFile.flag(text.get()).orElseThrow(() -> bad(key, text.get(), FLAG_VALUES)));
    }

    Optional<Duration> seconds(String key) throws ConfigException {
      Optional<String> text = get(key);
      if (text.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(Duration.ofSeconds(
          number(key, text.get(), MAX_SECONDS, "a whole number of seconds from 1 to " + MAX_SECONDS)));
    }

    OptionalInt positiveInt(String key) throws ConfigException {
      Optional<String> text = get(key);
      if (text.isEmpty()) {
        return OptionalInt.empty();
      }
      return OptionalInt.of((int) number(key, text.get(), Integer.MAX_VALUE, "a whole number of at least 1"));
    }

    private long number(String key, String text, long max, String expected) throws ConfigException {
      try {
        long value = Long.parseLong(text);
        if (value >= 1 && value <= max) {
          return value;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw bad(key, text, expected);
    }
  }
}
