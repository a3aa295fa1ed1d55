package dev.packs.cache.internal.index;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The header of a descriptor the cache needs: vendor, name, download URL, releases (newest first, as
 * the spec requires) and the packs it requires.
 */
public record DescriptorInfo(String vendor, String name, Optional<URI> url, List<Release> releases, List<Requirement> requirements) {
  /** One {@code <release>}; {@code url} is a full pack URL that overrides the default. */
  public record Release(String version, Optional<URI> url) {}

  /** One {@code <requirements><packages><package>}; {@code version} is a range such as {@code 1.2.0:2.0.0}. */
  public record Requirement(String vendor, String name, Optional<String> version) {}

  public DescriptorInfo {
    Objects.requireNonNull(vendor, "vendor");
    Objects.requireNonNull(name, "name");
    releases = List.copyOf(releases);
    requirements = List.copyOf(requirements);
  }

  /** The newest release: the highest version listed (vendors do not always list it first). */
  public Optional<Release> latest() {
    return releases.stream().max((a, b) -> Versions.compare(a.version(), b.version()));
  }

  /** The version the spec calls the pack's own: the first {@code <release>}. */
  public Optional<String> topRelease() {
    return releases.isEmpty() ? Optional.empty() : Optional.of(releases.get(0).version());
  }

  public static DescriptorInfo read(byte[] bytes, String source) throws IOException {
    try {
      XMLStreamReader r = Xml.factory().createXMLStreamReader(new ByteArrayInputStream(bytes));
      Builder b = new Builder();
      List<String> path = new ArrayList<>();
      while (r.hasNext()) {
        int event = r.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          path.add(r.getLocalName());
          b.start(r, path);
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          path.remove(path.size() - 1);
        }
      }
      if (!b.sawPackage) {
        throw new IOException(source + " is not a pack descriptor (no <package> root)");
      }
      if (b.vendor == null || b.name == null) {
        throw new IOException(source + ": descriptor without <vendor> or <name>");
      }
      return new DescriptorInfo(b.vendor, b.name, b.url, b.releases, b.requirements);
    } catch (XMLStreamException e) {
      throw new IOException("malformed descriptor " + source + ": " + e.getMessage(), e);
    }
  }

  private static final class Builder {
    boolean sawPackage;
    String vendor;
    String name;
    Optional<URI> url = Optional.empty();
    final List<Release> releases = new ArrayList<>();
    final List<Requirement> requirements = new ArrayList<>();

    void start(XMLStreamReader r, List<String> path) throws XMLStreamException {
      int depth = path.size();
      String element = path.get(depth - 1);
      if (depth == 1) {
        sawPackage = element.equals("package");
      } else if (depth == 2 && element.equals("vendor")) {
        vendor = r.getElementText().strip();
        path.remove(depth - 1);
      } else if (depth == 2 && element.equals("name")) {
        name = r.getElementText().strip();
        path.remove(depth - 1);
      } else if (depth == 2 && element.equals("url")) {
        url = Optional.of(r.getElementText().strip()).filter(s -> !s.isEmpty()).map(DescriptorInfo::uri);
        path.remove(depth - 1);
      } else if (depth == 3 && element.equals("release") && path.get(1).equals("releases")) {
        IndexFile.attr(r, "version").ifPresent(v -> releases.add(new Release(v, IndexFile.attr(r, "url").map(DescriptorInfo::uri))));
      } else if (depth == 4 && element.equals("package") && path.get(1).equals("requirements")) {
        Optional<String> v = IndexFile.attr(r, "vendor");
        Optional<String> n = IndexFile.attr(r, "name");
        if (v.isPresent() && n.isPresent()) {
          requirements.add(new Requirement(v.get(), n.get(), IndexFile.attr(r, "version")));
        }
      }
    }
  }

  static URI uri(String text) {
    return URI.create(text.replace('\\', '/').replace(" ", "%20"));
  }
}
