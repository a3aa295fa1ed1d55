package dev.packs.cache.internal.index;

import dev.packs.cache.PublicPack;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Reads the {@code <pdsc>} entries of a {@code .pidx}. */
public final class IndexFile {
  private IndexFile() {}

  public static List<PublicPack> read(Path pidx) throws IOException {
    try (InputStream in = Files.newInputStream(pidx)) {
      return read(in, pidx.toString());
    }
  }

  public static List<PublicPack> read(InputStream in, String source) throws IOException {
    List<PublicPack> packs = new ArrayList<>();
    try {
      XMLStreamReader r = Xml.factory().createXMLStreamReader(in);
      while (r.hasNext()) {
        if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("pdsc")) {
          packs.add(entry(r, source));
        }
      }
      r.close();
    } catch (XMLStreamException | IllegalArgumentException e) {
      throw new IOException("malformed index " + source + ": " + e.getMessage(), e);
    }
    return packs;
  }

  private static PublicPack entry(XMLStreamReader r, String source) throws XMLStreamException {
    String url = attr(r, "url").orElse("");
    String vendor = attr(r, "vendor").orElseThrow(() -> missing(r, "vendor", source));
    String name = attr(r, "name").orElseThrow(() -> missing(r, "name", source));
    String version = attr(r, "version").orElse("0.0.0");
    boolean deprecated = attr(r, "deprecated").isPresent();
    return new PublicPack(vendor, name, version, URI.create(url.replace('\\', '/').replace(" ", "%20")), deprecated);
  }

  private static XMLStreamException missing(XMLStreamReader r, String attribute, String source) {
    return new XMLStreamException(source + ": <pdsc> without " + attribute, r.getLocation());
  }

  static Optional<String> attr(XMLStreamReader r, String name) {
    return Optional.ofNullable(r.getAttributeValue(null, name)).map(String::strip).filter(s -> !s.isEmpty());
  }
}
