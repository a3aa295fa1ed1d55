package dev.packs.cache.internal.serve;

import dev.packs.cache.internal.index.IndexFile;
import dev.packs.index.PackIndex;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A mirror folder as static files. Hidden names (the mirror's {@code .packs-mirror} state) and
 * folders are not found; a symbolic link that leads out of the folder is forbidden. A {@code .pidx}
 * with relative URLs is sent with them made absolute against the address the client used, so tools
 * that cannot resolve relative URLs (cpackget, pyOCD) work through the server too.
 */
final class FolderResources implements Resources {
  private final Path dir;
  private final Path real;

  FolderResources(Path dir) throws IOException {
    this.dir = dir.toAbsolutePath().normalize();
    this.real = this.dir.toRealPath();
  }

  @Override
  public Found find(List<String> segments, URI requested) throws IOException {
    if (segments.isEmpty() || segments.stream().anyMatch(s -> s.startsWith("."))) {
      return new Miss(404, "not found");
    }
    Path file = dir.resolve(String.join("/", segments)).normalize();
    if (!file.startsWith(dir)) {
      return new Miss(403, "outside the served folder");
    }
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return new Miss(404, "not found");
    }
    Path target = file.toRealPath();
    if (!target.startsWith(real)) {
      return new Miss(403, "a link out of the served folder");
    }
    if (!Files.isRegularFile(target)) {
      return new Miss(404, "not a file");
    }
    if (segments.get(segments.size() - 1).toLowerCase(Locale.ROOT).endsWith(".pidx")) {
      Optional<Resource> rewritten = absolute(target, requested);
      if (rewritten.isPresent()) {
        return new Hit(rewritten.get());
      }
    }
    return new Hit(Resource.file(target));
  }

  /** The index with relative URLs made absolute; empty when it has none (or does not parse). */
  private static Optional<Resource> absolute(Path pidx, URI url) throws IOException {
    byte[] body = Files.readAllBytes(pidx);
    PackIndex index;
    try {
      index = IndexFile.parse(new ByteArrayInputStream(body), pidx.toString());
    } catch (IOException e) {
      return Optional.empty(); // served as it is; the client reports what is wrong with it
    }
    java.time.Instant modified = Files.getLastModifiedTime(pidx).toInstant();
    return IndexFile.withAbsoluteUrls(index, url).map(text -> Resource.bytes(
        pidx.getFileName().toString(), text.getBytes(StandardCharsets.UTF_8), modified));
  }
}
