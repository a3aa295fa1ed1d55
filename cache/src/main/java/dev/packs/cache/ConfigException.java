package dev.packs.cache;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A setting has a value packs cannot use. Names where it was set (the config file, or the
 * environment), the key or variable, the value, and what was expected instead.
 */
public final class ConfigException extends CacheException {
  private final Optional<Path> file;
  private final String key;
  private final String value;

  private ConfigException(Optional<Path> file, String key, String value, String expected) {
    super("invalid value '" + value + "' for " + key + " in "
        + file.map(Path::toString).orElse("the environment") + ": expected " + expected, null);
    this.file = file;
    this.key = Objects.requireNonNull(key, "key");
    this.value = Objects.requireNonNull(value, "value");
  }

  /** A bad {@code key=value} line in the config file {@code file}. */
  public static ConfigException inFile(Path file, String key, String value, String expected) {
    return new ConfigException(Optional.of(file), key, value, expected);
  }

  /** A bad value of the environment variable {@code name}. */
  public static ConfigException inEnvironment(String name, String value, String expected) {
    return new ConfigException(Optional.empty(), name, value, expected);
  }

  /** The config file that holds the setting; empty when it came from the environment. */
  public Optional<Path> file() {
    return file;
  }

  /** The key in the file, or the name of the environment variable. */
  public String key() {
    return key;
  }

  public String value() {
    return value;
  }
}
