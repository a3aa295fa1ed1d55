package dev.packs.cache.internal.net;

import dev.packs.cache.CacheIoException;
import dev.packs.cache.CacheListener;
import dev.packs.cache.DownloadException;
import dev.packs.cache.DownloadException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Fetches {@code file:} URLs, for mirrors on disk and offline work. The validator is the file's size
 * and modification time, so a second fetch of an unchanged file is "not modified" as over HTTP.
 */
public final class FileTransport implements Transport {
  private final CacheListener listener;
  private final TransferStats stats;

  public FileTransport(CacheListener listener, TransferStats stats) {
    this.listener = listener;
    this.stats = stats;
  }

  @Override
  public Fetched fetch(URI url, Optional<Validators> known, Path target, Expect expect)
      throws DownloadException, CacheIoException {
    Path source = toPath(url);
    listener.requestStarted(url);
    stats.request();
    try {
      String stamp = Files.size(source) + "@" + Files.getLastModifiedTime(source).toMillis();
      if (known.flatMap(Validators::etag).filter(stamp::equals).isPresent()) {
        return new Fetched.NotModified();
      }
      long size = copy(source, target);
      stats.bytes(size);
      listener.bytesReceived(url, size, size);
      ContentCheck.check(url, target, expect);
      return new Fetched.Downloaded(new Validators(Optional.of(stamp), Optional.empty()), size);
    } catch (NoSuchFileException e) {
      throw new DownloadException(url, Reason.NOT_FOUND, OptionalInt.empty(), "no such file " + source, e);
    } catch (IOException e) {
      throw new DownloadException(url, Reason.CONNECTION, OptionalInt.empty(), e.toString(), e);
    }
  }

  /** Copies with reading and writing apart: a full disk is the root's failure, not the mirror's. */
  private static long copy(Path source, Path target) throws IOException, CacheIoException {
    long size = 0;
    try (InputStream in = Files.newInputStream(source);
        BodyFile out = BodyFile.create(target)) {
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        out.write(buffer, n);
        size += n;
      }
    }
    return size;
  }

  static Path toPath(URI url) {
    // file://localhost/abs is what cpackget writes in local_repository.pidx; Path.of rejects the host.
    if (url.getAuthority() != null && !url.getAuthority().isEmpty()) {
      return Path.of(URI.create("file://" + url.getRawPath()));
    }
    return Path.of(url);
  }
}
