package dev.packs.cache.internal.index;

import dev.packs.cache.PublicPack;
import dev.packs.index.IndexException;
import dev.packs.index.PackIndex;
import dev.packs.index.PackIndexReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the {@code <pdsc>} entries of a {@code .pidx} with the index module's reader. */
public final class IndexFile {
  private IndexFile() {}

  public static List<PublicPack> read(Path pidx) throws IOException {
    try (InputStream in = Files.newInputStream(pidx)) {
      return read(in, pidx.toString());
    }
  }

  public static List<PublicPack> read(InputStream in, String source) throws IOException {
    PackIndex index;
    try {
      index = PackIndexReader.read(in, source);
    } catch (IndexException e) {
      throw new IOException(e.getMessage(), e);
    }
    List<PublicPack> packs = new ArrayList<>();
    for (PackIndex.Entry e : index.packs()) {
      packs.add(new PublicPack(e.vendor(), e.name(), e.version().toString(), uri(e.url()), e.deprecated().isPresent()));
    }
    return packs;
  }

  /** Index and descriptor URLs as vendors write them: backslashes and spaces happen. */
  public static URI uri(String text) {
    return URI.create(text.strip().replace('\\', '/').replace(" ", "%20"));
  }
}
