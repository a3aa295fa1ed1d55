package dev.packs.cache.internal.serve;

import dev.packs.cache.PackRoot;
import dev.packs.cache.PublicPack;
import dev.packs.cache.internal.index.IndexFile;
import dev.packs.cache.internal.index.Versions;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
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
 * A pack root served as a pack server, for what it can deliver: {@code index.pidx} lists each pack
 * with an archive in {@code .Download} (newest version), {@code Vendor.Name.pdsc} is that version's
 * descriptor, {@code Vendor.Name.Version.pack} any archive in {@code .Download}. Nothing else of the
 * root is reachable.
 */
final class PackRootResources implements Resources {
  private static final Pattern ARCHIVE = Pattern.compile("([-_A-Za-z0-9]+)\\.([-_A-Za-z0-9]+)\\.([0-9][-+.A-Za-z0-9]*)\\.pack");
  private static final Pattern DESCRIPTOR = Pattern.compile("([-_A-Za-z0-9]+)\\.([-_A-Za-z0-9]+)\\.pdsc");

  private final PackRoot root;

  PackRootResources(PackRoot root) {
    this.root = root;
  }

  @Override
  public Found find(List<String> segments, URI requested) throws IOException {
    URI base = requested.resolve("./");
    if (segments.size() != 1) {
      return new Miss(404, "not found");
    }
    String name = segments.get(0);
    Map<String, String[]> newest = newest();
    if (name.equals("index.pidx")) {
      List<PublicPack> packs = new ArrayList<>();
      newest.values().forEach(p -> packs.add(new PublicPack(p[0], p[1], p[2], base, false)));
      Instant modified = Files.isDirectory(root.downloadDir())
          ? Files.getLastModifiedTime(root.downloadDir()).toInstant() : Instant.EPOCH;
      String xml = IndexFile.write("packs", base.toString(), modified.toString(), packs);
      return new Hit(Resource.bytes(name, xml.getBytes(StandardCharsets.UTF_8), modified));
    }
    Matcher d = DESCRIPTOR.matcher(name);
    if (d.matches() && newest.containsKey(key(d.group(1), d.group(2)))) {
      String[] p = newest.get(key(d.group(1), d.group(2)));
      Optional<Path> pdsc = firstFile(root.downloadedDescriptor(p[0], p[1], p[2]),
          root.installDir(p[0], p[1], p[2]).resolve(p[0] + "." + p[1] + ".pdsc"), root.webDescriptor(p[0], p[1]));
      return pdsc.<Found>map(f -> hit(f)).orElse(new Miss(404, "no descriptor"));
    }
    Matcher a = ARCHIVE.matcher(name);
    if (a.matches() && Files.isRegularFile(root.downloadDir().resolve(name))) {
      return hit(root.downloadDir().resolve(name));
    }
    return new Miss(404, "not found");
  }

  private static Found hit(Path file) {
    try {
      return new Hit(Resource.file(file));
    } catch (IOException e) {
      return new Miss(404, "gone");
    }
  }

  private static Optional<Path> firstFile(Path... candidates) {
    for (Path p : candidates) {
      if (Files.isRegularFile(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** Vendor, name and newest version of each pack with an archive in {@code .Download}. */
  private Map<String, String[]> newest() throws IOException {
    Map<String, String[]> newest = new TreeMap<>();
    if (!Files.isDirectory(root.downloadDir())) {
      return newest;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(root.downloadDir(), "*.pack")) {
      for (Path f : files) {
        Matcher m = ARCHIVE.matcher(f.getFileName().toString());
        if (m.matches()) {
          String[] p = {m.group(1), m.group(2), m.group(3)};
          newest.merge(key(p[0], p[1]), p, (x, y) -> Versions.compare(x[2], y[2]) >= 0 ? x : y);
        }
      }
    }
    return newest;
  }

  private static String key(String vendor, String name) {
    return (vendor + "." + name).toLowerCase(java.util.Locale.ROOT);
  }
}
