package dev.packs.flm;

import java.io.IOException;
import java.nio.file.Path;

/** The algorithm cache could not read its source or write its store; names the path. */
public final class AlgorithmCacheException extends FlmException {
  private final Path path;

  public AlgorithmCacheException(String what, Path path, IOException cause) {
    super(what + " " + path + ": " + cause.getMessage(), cause);
    this.path = path;
  }

  public Path path() {
    return path;
  }
}
