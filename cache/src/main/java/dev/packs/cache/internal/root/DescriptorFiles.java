package dev.packs.cache.internal.root;

import dev.packs.index.IndexException;
import dev.packs.index.PackDescriptor;
import dev.packs.index.PdscReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Reads the descriptor of a {@code .pdsc} file, or the one inside a {@code .pack}/{@code .zip}. */
public final class DescriptorFiles {
  private DescriptorFiles() {}

  public static PackDescriptor read(Path file) throws IOException, IndexException {
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file.toString(), null, "no such pack or descriptor file");
    }
    String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (lower.endsWith(".pack") || lower.endsWith(".zip")) {
      return fromArchive(file);
    }
    try (InputStream in = Files.newInputStream(file)) {
      return PdscReader.read(in, file.toString());
    }
  }

  private static PackDescriptor fromArchive(Path file) throws IOException, IndexException {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      List<ZipEntry> found = new ArrayList<>();
      zip.stream()
          .filter(e -> !e.isDirectory())
          .filter(e -> e.getName().toLowerCase(Locale.ROOT).endsWith(".pdsc"))
          .filter(e -> e.getName().split("/").length <= 2) // at the root or in one top folder
          .forEach(found::add);
      if (found.size() != 1) {
        throw new IndexException.NotADescriptor(
            file.toString(), "a pack with exactly one .pdsc at its root",
            found.isEmpty() ? "no descriptor" : found.size() + " descriptors");
      }
      try (InputStream in = zip.getInputStream(found.get(0))) {
        return PdscReader.read(in, file + "!/" + found.get(0).getName());
      }
    }
  }
}
