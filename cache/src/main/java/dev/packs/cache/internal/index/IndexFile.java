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
import java.util.Optional;

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

  public static PackIndex parse(InputStream in, String source) throws IOException {
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

  /**
   * Rewrites the index in {@code pidx} when entries name their descriptor folder relative to the
   * index itself ({@code url="./"}, as a {@code packs mirror} folder does), resolving each against
   * {@code indexUrl} as a browser would (RFC 3986). Stored so, {@code .Web/index.pidx} holds only
   * absolute URLs, which every reader (and cpackget sharing the root) expects. An index without
   * relative URLs is left untouched.
   */
  public static void resolveRelative(Path pidx, URI indexUrl) throws IOException {
    Optional<String> resolved = withAbsoluteUrls(parse(pidx), indexUrl);
    if (resolved.isPresent()) {
      Files.writeString(pidx, resolved.get());
    }
  }

  /**
   * The index as a flat {@code .pidx} whose relative entry URLs (and {@code <url>}) are resolved
   * against {@code indexUrl}; empty when every entry URL is absolute already.
   */
  public static Optional<String> withAbsoluteUrls(PackIndex index, URI indexUrl) {
    if (index.packs().stream().noneMatch(e -> isRelative(e.url()))) {
      return Optional.empty();
    }
    List<PublicPack> resolved = new ArrayList<>();
    for (PackIndex.Entry e : index.packs()) {
      URI url = isRelative(e.url()) ? resolve(indexUrl, e.url().isBlank() ? "./" : e.url()) : uri(e.url());
      resolved.add(new PublicPack(e.vendor(), e.name(), e.version().toString(), url, e.deprecated().isPresent()));
    }
    String timestamp = index.timestamp().filter(t -> t.length() >= 10).orElse("1970-01-01T00:00:00");
    return Optional.of(write(index.vendor().orElse("packs"), resolve(indexUrl, "./").toString(), timestamp, resolved));
  }

  /** {@code base} resolved against {@code relative}, keeping the {@code file:///} form other tools write. */
  private static URI resolve(URI base, String relative) {
    URI u = base.resolve(uri(relative));
    return "file".equalsIgnoreCase(u.getScheme()) && u.getRawAuthority() == null ? URI.create("file://" + u.getRawPath()) : u;
  }

  /**
   * An entry URL relative to the index, as RFC 3986 reads a URL without a scheme ({@code ./},
   * {@code ../x/}, {@code x/}, {@code /x/}, or empty) — except a first segment with a dot, such as
   * {@code www.keil.com/pack/}, which vendors write for a host without its scheme.
   */
  public static boolean isRelative(String url) {
    String u = url.strip();
    if (u.isEmpty() || u.equals(".") || u.equals("..") || u.startsWith("./") || u.startsWith("../") || u.startsWith("/")) {
      return true;
    }
    if (SCHEME.matcher(u).lookingAt()) {
      return false;
    }
    return !u.split("/", 2)[0].contains(".");
  }

  private static final java.util.regex.Pattern SCHEME = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9+.\\-]*:");

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
