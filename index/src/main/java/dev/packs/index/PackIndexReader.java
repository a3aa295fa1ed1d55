package dev.packs.index;

import dev.packs.index.internal.xml.SafeXml;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads {@code .pidx} and {@code .vidx} files per PackIndex.xsd, including snapshots without schema
 * attributes and a bare {@code <pidx>} fragment. The legacy Keil {@code .idx} list is refused with
 * an error that says what it is.
 */
public final class PackIndexReader {
  private static final String EXPECTED = "a pack index (.pidx/.vidx)";

  private PackIndexReader() {}

  /**
   * Parses an index.
   *
   * @param source names the input in error messages (a path or URL)
   */
  public static PackIndex read(InputStream in, String source) throws IndexException {
    XMLStreamReader r = SafeXml.openAtRoot(in, source, EXPECTED);
    try {
      String root = r.getLocalName();
      switch (root) {
        case "index":
          return readIndex(r, source);
        case "pidx":
          return new PackIndex(
              Optional.empty(), Optional.empty(), Optional.empty(), List.of(), List.of(pidx(r, source)));
        case "pdsc":
          throw new IndexException.NotADescriptor(
              source,
              EXPECTED,
              "the legacy Keil .idx format (a list of <pdsc> elements without an <index> root),"
                  + " which packs does not read; use index.pidx instead");
        default:
          throw new IndexException.NotADescriptor(source, EXPECTED, "a <" + root + "> document");
      }
    } catch (XMLStreamException e) {
      throw SafeXml.malformed(source, e);
    }
  }

  private static PackIndex readIndex(XMLStreamReader r, String source)
      throws XMLStreamException, IndexException {
    String vendor = null;
    String url = null;
    String timestamp = null;
    List<PackIndex.Entry> packs = new ArrayList<>();
    List<PackIndex.VendorIndex> vendors = new ArrayList<>();
    int depth = 1;
    while (depth > 0) {
      int event = r.next();
      if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      } else if (event == XMLStreamConstants.START_ELEMENT) {
        switch (r.getLocalName()) {
          case "vendor" -> vendor = SafeXml.text(r);
          case "url" -> url = SafeXml.text(r);
          case "timestamp" -> timestamp = SafeXml.text(r);
          case "pindex", "vindex" -> depth++;
          case "pdsc" -> {
            packs.add(pdsc(r, source));
            SafeXml.skipElement(r);
          }
          case "pidx" -> {
            vendors.add(pidx(r, source));
            SafeXml.skipElement(r);
          }
          default -> SafeXml.skipElement(r);
        }
      }
    }
    return new PackIndex(
        Optional.ofNullable(vendor).filter(v -> !v.isEmpty()),
        Optional.ofNullable(url).filter(v -> !v.isEmpty()),
        Optional.ofNullable(timestamp).filter(v -> !v.isEmpty()),
        packs,
        vendors);
  }

  private static PackIndex.Entry pdsc(XMLStreamReader r, String source) throws IndexException {
    String version = required(r, source, "pdsc", "version");
    Version v =
        Version.tryParse(version)
            .orElseThrow(
                () ->
                    new IndexException.BadAttribute(
                        at(r, source), "pdsc", "version", version, "not a semantic version"));
    return new PackIndex.Entry(
        required(r, source, "pdsc", "url"),
        required(r, source, "pdsc", "vendor"),
        required(r, source, "pdsc", "name"),
        v,
        Optional.ofNullable(SafeXml.attr(r, "date")),
        Optional.ofNullable(SafeXml.attr(r, "deprecated")),
        Optional.ofNullable(SafeXml.attr(r, "replacement")));
  }

  private static PackIndex.VendorIndex pidx(XMLStreamReader r, String source) throws IndexException {
    return new PackIndex.VendorIndex(
        required(r, source, "pidx", "url"),
        required(r, source, "pidx", "vendor"),
        Optional.ofNullable(SafeXml.attr(r, "date")));
  }

  private static String required(XMLStreamReader r, String source, String element, String name)
      throws IndexException {
    String v = SafeXml.attr(r, name);
    if (v == null) {
      throw new IndexException.BadAttribute(at(r, source), element, name, "", "required attribute is missing");
    }
    return v;
  }

  private static String at(XMLStreamReader r, String source) {
    return source + ":" + r.getLocation().getLineNumber() + ":" + r.getLocation().getColumnNumber();
  }
}
