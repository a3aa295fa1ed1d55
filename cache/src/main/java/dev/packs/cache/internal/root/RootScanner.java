package dev.packs.cache.internal.root;

import dev.packs.index.IndexException;
import dev.packs.index.PackIndex;
import dev.packs.index.PackIndexReader;
import dev.packs.index.PackSource;
import dev.packs.index.PackSource.Origin;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Lists the descriptors of a pack root: {@code .Web/*.pdsc}, installed {@code
 * Vendor/Name/Version/*.pdsc}, and the folders named in {@code .Local/local_repository.pidx}. Only
 * file names and the local index are read; descriptors are parsed by the device database.
 */
public final class RootScanner {
  private final Path root;
  private final Path webDir;
  private final Path localIndex;

  public RootScanner(Path root, Path webDir, Path localIndex) {
    this.root = root;
    this.webDir = webDir;
    this.localIndex = localIndex;
  }

  /** Every descriptor found; problems with the local index go to {@code warnings}. */
  public List<PackSource> scan(Consumer<String> warnings) throws IOException {
    List<PackSource> out = new ArrayList<>();
    for (Path p : pdscFiles(webDir)) {
      String file = p.getFileName().toString();
      out.add(new PackSource("web:" + file.substring(0, file.length() - 5), p, Origin.WEB));
    }
    for (Path vendor : dirs(root)) {
      for (Path name : dirs(vendor)) {
        for (Path version : dirs(name)) {
          List<Path> pdscs = pdscFiles(version);
          String key = "installed:" + vendor.getFileName() + "/" + name.getFileName() + "/" + version.getFileName();
          for (Path p : pdscs) {
            out.add(new PackSource(pdscs.size() == 1 ? key : key + "/" + p.getFileName(), p, Origin.INSTALLED));
          }
        }
      }
    }
    out.addAll(local(warnings));
    return out;
  }

  private List<PackSource> local(Consumer<String> warnings) throws IOException {
    if (!Files.isRegularFile(localIndex)) {
      return List.of();
    }
    PackIndex index;
    try (InputStream in = Files.newInputStream(localIndex)) {
      index = PackIndexReader.read(in, localIndex.toString());
    } catch (IndexException e) {
      warnings.accept(e.getMessage() + "; local packs ignored");
      return List.of();
    }
    List<PackSource> out = new ArrayList<>();
    for (PackIndex.Entry e : index.packs()) {
      Path dir = localDir(e.url());
      Path pdsc = dir.resolve(e.vendor() + "." + e.name() + ".pdsc");
      if (Files.isRegularFile(pdsc)) {
        out.add(new PackSource("local:" + e.vendor() + "." + e.name(), pdsc, Origin.LOCAL));
      } else {
        warnings.accept(localIndex + ": local pack " + e.vendor() + "." + e.name() + " has no descriptor at " + pdsc);
      }
    }
    return out;
  }

  /** {@code file://localhost/abs/dir/}, {@code file:///abs/dir/} or a path relative to .Local. */
  private Path localDir(String url) {
    if (url.startsWith("file:")) {
      String rest = url.substring(5);
      if (rest.startsWith("//localhost/")) {
        rest = rest.substring("//localhost".length());
      } else if (rest.startsWith("//")) {
        rest = rest.substring(2);
      }
      try {
        return Path.of(URI.create("file://" + (rest.startsWith("/") ? "" : "/") + rest));
      } catch (IllegalArgumentException e) {
        return Path.of(rest);
      }
    }
    return localIndex.getParent().resolve(url).normalize();
  }

  private static List<Path> dirs(Path parent) throws IOException {
    List<Path> out = new ArrayList<>();
    if (!Files.isDirectory(parent)) {
      return out;
    }
    try (DirectoryStream<Path> s = Files.newDirectoryStream(parent)) {
      for (Path p : s) {
        if (!p.getFileName().toString().startsWith(".") && Files.isDirectory(p)) {
          out.add(p);
        }
      }
    }
    out.sort(null);
    return out;
  }

  private static List<Path> pdscFiles(Path dir) throws IOException {
    List<Path> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
      for (Path p : s) {
        if (p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdsc") && Files.isRegularFile(p)) {
          out.add(p);
        }
      }
    }
    out.sort(null);
    return out;
  }
}
