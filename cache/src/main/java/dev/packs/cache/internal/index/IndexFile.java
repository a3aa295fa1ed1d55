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
    return packs(parse(in, source));
  }

  /** The whole index, including the vendor indexes a {@code .vidx} points to. */
  public static PackIndex parse(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(in, file.toString());
    }
  }

  private static PackIndex parse(InputStream in, String source) throws IOException {
    try {
      return PackIndexReader.read(in, source);
    } catch (IndexException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  public static List<PublicPack> packs(PackIndex index) {
    List<PublicPack> packs = new ArrayList<>();
    for (PackIndex.Entry e : index.packs()) {
      packs.add(new PublicPack(e.vendor(), e.name(), e.version().toString(), uri(e.url()), e.deprecated().isPresent()));
    }
    return packs;
  }

  /** A flat {@code .pidx} listing {@code packs}, as cpackget and vidx2pidx write one. */
  public static String write(String vendor, String url, String timestamp, List<PublicPack> packs) {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<index schemaVersion=\"1.1.0\" xmlns:xs=\"http://www.w3.org/2001/XMLSchema-instance\"")
        .append(" xs:noNamespaceSchemaLocation=\"PackIndex.xsd\">\n")
        .append("  <vendor>").append(esc(vendor)).append("</vendor>\n  <url>").append(esc(url)).append("</url>\n")
        .append("  <timestamp>").append(esc(timestamp)).append("</timestamp>\n  <pindex>\n");
    for (PublicPack p : packs) {
      xml.append("    <pdsc url=\"").append(esc(p.url().toString())).append("\" vendor=\"").append(esc(p.vendor()))
          .append("\" name=\"").append(esc(p.name())).append("\" version=\"").append(esc(p.version())).append('"')
          .append(p.deprecated() ? " deprecated=\"" + timestamp.substring(0, Math.min(10, timestamp.length())) + "\"" : "")
          .append("/>\n");
    }
    return xml.append("  </pindex>\n</index>\n").toString();
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** Index and descriptor URLs as vendors write them: backslashes and spaces happen. */
  public static URI uri(String text) {
    return URI.create(text.strip().replace('\\', '/').replace(" ", "%20"));
  }
}
