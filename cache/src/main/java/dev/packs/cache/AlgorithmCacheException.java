package dev.packs.cache;

import java.io.IOException;

/** An FLM could not be read for the algorithm cache; names where it was read from. */
public final class AlgorithmCacheException extends CacheException {
  private final String location;

  public AlgorithmCacheException(String location, IOException cause) {
    super(location + ": cannot read flash algorithm: " + describe(cause), cause);
    this.location = location;
  }

  /** The path or pack location of the FLM. */
  public String location() {
    return location;
  }

  private static String describe(IOException cause) {
    return cause instanceof java.nio.file.NoSuchFileException ? "no such file" : String.valueOf(cause.getMessage());
  }
}
