package dev.packs.cache;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/** Reading or writing the pack root failed; names the path. */
public final class CacheIoException extends CacheException {
  private final Path path;

  public CacheIoException(Path path, IOException cause) {
    super("I/O error on " + path + ": " + cause, cause);
    this.path = Objects.requireNonNull(path, "path");
  }

  public Path path() {
    return path;
  }
}
