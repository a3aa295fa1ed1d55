package dev.packs.cache.internal.net;

import dev.packs.cache.CacheIoException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The file a body is written to. Its failures (a full disk, above all) are the pack root's, not the
 * network's: they surface as {@link CacheIoException} and are never retried, while failures reading
 * the body stay the transport's to classify.
 */
final class BodyFile implements AutoCloseable {
  private final Path target;
  private final OutputStream out;

  private BodyFile(Path target, OutputStream out) {
    this.target = target;
    this.out = out;
  }

  static BodyFile create(Path target) throws CacheIoException {
    try {
      return new BodyFile(target, Files.newOutputStream(target));
    } catch (IOException e) {
      throw new CacheIoException(target, e);
    }
  }

  void write(byte[] buffer, int length) throws CacheIoException {
    try {
      out.write(buffer, 0, length);
    } catch (IOException e) {
      throw new CacheIoException(target, e);
    }
  }

  @Override
  public void close() throws CacheIoException {
    try {
      out.close();
    } catch (IOException e) {
      throw new CacheIoException(target, e);
    }
  }
}
