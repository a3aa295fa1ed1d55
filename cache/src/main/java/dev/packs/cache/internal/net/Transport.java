package dev.packs.cache.internal.net;

import dev.packs.cache.CacheIoException;
import dev.packs.cache.DownloadException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Fetches one URL into a file. Implementations retry what is worth retrying, check the body's first
 * bytes against {@link Expect}, and throw a {@link DownloadException} naming the URL otherwise.
 */
public interface Transport {
  /**
   * Writes the body of {@code url} to {@code target} (normally a {@code .part} file; the caller moves
   * it into place after its own checks).
   *
   * @param known validators of the copy on disk; when given, the request is conditional
   * @throws CacheIoException when {@code target} cannot be written (a full disk): not retried
   */
  Fetched fetch(URI url, Optional<Validators> known, Path target, Expect expect) throws DownloadException, CacheIoException;
}
