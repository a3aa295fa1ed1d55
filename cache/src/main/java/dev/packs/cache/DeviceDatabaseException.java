package dev.packs.cache;

import java.nio.file.Path;
import java.util.Objects;

/** The device database under {@code .packs/devices} could not be read or brought up to date. */
public final class DeviceDatabaseException extends CacheException {
  private final Path database;

  public DeviceDatabaseException(Path database, String detail, Throwable cause) {
    super("the device database " + database + ": " + detail, cause);
    this.database = Objects.requireNonNull(database, "database");
  }

  public Path database() {
    return database;
  }
}
