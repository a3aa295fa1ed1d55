package dev.packs.cache.internal.root;

import dev.packs.cache.CacheConfig.ZipLimits;
import dev.packs.cache.InvalidPackException;
import dev.packs.cache.internal.pack.PackArchive;
import dev.packs.index.IndexException;
import dev.packs.index.PackDescriptor;
import dev.packs.index.PdscReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/** Reads the descriptor of a {@code .pdsc} file, or the one inside a {@code .pack}/{@code .zip}. */
public final class DescriptorFiles {
  private DescriptorFiles() {}

  /**
   * Reads {@code file}; an archive passes the checks {@code install} applies (entry count, expanded
   * size, compression ratio, safe names, one descriptor) before only its descriptor is read.
   */
  public static PackDescriptor read(Path file, ZipLimits limits) throws IOException, IndexException, InvalidPackException {
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file.toString(), null, "no such pack or descriptor file");
    }
    String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (lower.endsWith(".pack") || lower.endsWith(".zip")) {
      PackArchive.Inspected pack = PackArchive.inspect(file, file.toString(), limits);
      return PdscReader.read(new ByteArrayInputStream(pack.descriptor()), file + "!/" + pack.descriptorEntry());
    }
    try (InputStream in = Files.newInputStream(file)) {
      return PdscReader.read(in, file.toString());
    }
  }
}
