package dev.packs.cache;

import java.nio.file.Path;
import java.util.Objects;

/** The packs changed but the device database under {@code .packs/devices} could not be brought up to date. */
public final class DeviceDatabaseException extends CacheException {
  private final Path database;

  public DeviceDatabaseException(Path database, Throwable cause) {
    super("the device database " + database + " could not be updated: " + cause.getMessage(), cause);
    this.database = Objects.requireNonNull(database, "database");
  }

  public Path database() {
    return database;
  }
}
