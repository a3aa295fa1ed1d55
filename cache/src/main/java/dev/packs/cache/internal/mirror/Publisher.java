package dev.packs.cache.internal.mirror;

import dev.packs.cache.AtomicFiles;
import dev.packs.cache.CacheException;
import dev.packs.cache.CacheIoException;
import dev.packs.cache.MirrorResult;
import dev.packs.cache.PublicPack;
import dev.packs.cache.internal.index.IndexFile;
import dev.packs.cache.internal.pack.Digests;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes what makes the folder a pack server, last and atomically: {@code index.pidx}, listing every
 * descriptor of the folder with {@code url="./"} (or the base URL asked for), and {@code SHA256SUMS}
 * in the format {@code sha256sum -c} reads.
 */
final class Publisher {
  static final String INDEX = "index.pidx";
  static final String SUMS = "SHA256SUMS";
  private static final Pattern DESCRIPTOR = Pattern.compile("([^.]+)\\.([^.]+)\\.pdsc");
  private static final Pattern ARCHIVE = Pattern.compile("([^.]+)\\.([^.]+)\\.(.+)\\.pack");

  private Publisher() {}

  /** Writes both files; returns the archives of the folder. */
  static List<MirrorResult.Item> publish(Path dir, MirrorState state, Optional<URI> baseUrl, Instant now) throws CacheException {
    Map<String, MirrorState.FileEntry> present = new TreeMap<>();
    state.files().forEach((name, e) -> {
      if (!name.contains("/") && !name.endsWith(".pidx") && FileFetcher.matchesDisk(e, dir.resolve(name))) {
        present.put(name, e);
      }
    });
    List<PublicPack> listed = new ArrayList<>();
    List<MirrorResult.Item> archives = new ArrayList<>();
    URI url = baseUrl.orElse(URI.create("./"));
    present.forEach((name, e) -> {
      Matcher d = DESCRIPTOR.matcher(name);
      Matcher a = ARCHIVE.matcher(name);
      if (d.matches()) {
        listed.add(new PublicPack(d.group(1), d.group(2), e.version(), url, false));
      } else if (a.matches()) {
        archives.add(new MirrorResult.Item(a.group(1), a.group(2), a.group(3), e.sha256(), e.size()));
      }
    });
    Path index = dir.resolve(INDEX);
    AtomicFiles.writeString(index, IndexFile.write("mirror", url.toString(), now.toString(), listed));
    StringBuilder sums = new StringBuilder();
    Map<String, String> digests = new TreeMap<>();
    present.forEach((name, e) -> digests.put(name, e.sha256()));
    try {
      digests.put(INDEX, Digests.sha256(index));
    } catch (IOException e) {
      throw new CacheIoException(index, e);
    }
    digests.forEach((name, sha) -> sums.append(sha).append("  ").append(name).append('\n'));
    AtomicFiles.writeString(dir.resolve(SUMS), sums.toString());
    return archives;
  }

  /** Removes {@code .part} files a killed run left in {@code folders}; nothing ever reads them. */
  static void cleanParts(Path... folders) {
    for (Path folder : folders) {
      if (!Files.isDirectory(folder)) {
        continue;
      }
      try (var parts = Files.newDirectoryStream(folder, "*.part")) {
        parts.forEach(AtomicFiles::deleteQuietly);
      } catch (IOException e) {
        // Harmless: a later run removes them.
      }
    }
  }
}
