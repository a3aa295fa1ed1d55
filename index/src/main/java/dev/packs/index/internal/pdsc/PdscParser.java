package dev.packs.index.internal.pdsc;

import dev.packs.index.IndexException;
import dev.packs.index.PackDescriptor;
import dev.packs.index.PackDescriptor.Board;
import dev.packs.index.PackDescriptor.BoardDevice;
import dev.packs.index.PackDescriptor.Release;
import dev.packs.index.PackDescriptor.Requirement;
import dev.packs.index.Version;
import dev.packs.index.VersionRequirement;
import dev.packs.index.internal.xml.SafeXml;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A StAX cursor walks the children of {@code <package>}: it reads the header texts itself, hands
 * {@code releases}, {@code requirements}, {@code devices} and {@code boards} to {@link StaxBinder},
 * and skips everything else (components, conditions, examples) without building it.
 */
public final class PdscParser {
  private static final String EXPECTED = "a pack descriptor (.pdsc) with a <package> root";

  private final String source;
  private String vendor;
  private String name;
  private String description = "";
  private String url;
  private final List<Release> releases = new ArrayList<>();
  private final List<Requirement> requirements = new ArrayList<>();
  private Xml.Devices devices = new Xml.Devices();
  private final List<Board> boards = new ArrayList<>();

  private PdscParser(String source) {
    this.source = source;
  }

  /** Parses one descriptor. */
  public static PackDescriptor parse(InputStream in, String source) throws IndexException {
    return new PdscParser(source).run(in);
  }

  private PackDescriptor run(InputStream in) throws IndexException {
    XMLStreamReader r = SafeXml.openAtRoot(in, source, EXPECTED);
    try {
      if (!r.getLocalName().equals("package")) {
        throw new IndexException.NotADescriptor(source, EXPECTED, "a <" + r.getLocalName() + "> document");
      }
      readChildren(r);
    } catch (XMLStreamException e) {
      throw SafeXml.malformed(source, e);
    }
    if (vendor == null || name == null) {
      throw new IndexException.NotADescriptor(
          source, EXPECTED, "a <package> without " + (vendor == null ? "<vendor>" : "<name>"));
    }
    return new PackDescriptor(
        vendor, name, description, Optional.ofNullable(url), releases, requirements,
        new NodeMapper(source).families(devices), boards, source);
  }

  private void readChildren(XMLStreamReader r) throws XMLStreamException, IndexException {
    int event = r.next();
    while (event != XMLStreamConstants.END_ELEMENT) {
      if (event == XMLStreamConstants.START_ELEMENT) {
        bindSubtree(r);
      }
      event = r.next();
    }
  }

  /** Handles one child of package, leaving the reader on its end tag. */
  private void bindSubtree(XMLStreamReader r) throws XMLStreamException, IndexException {
    switch (r.getLocalName()) {
      case "vendor" -> vendor = NodeMapper.trimmed(SafeXml.text(r));
      case "name" -> name = NodeMapper.trimmed(SafeXml.text(r));
      case "description" -> description = SafeXml.text(r);
      case "url" -> url = NodeMapper.trimmed(SafeXml.text(r));
      case "releases" -> releases(StaxBinder.releases(r));
      case "requirements" -> requirements(StaxBinder.requirements(r));
      case "devices" -> devices = StaxBinder.devices(r);
      case "boards" -> boards(StaxBinder.boards(r));
      default -> SafeXml.skipElement(r);
    }
  }

  private void releases(Xml.Releases x) throws IndexException {
    for (Xml.Release rel : x.releases) {
      String v = NodeMapper.trimmed(rel.version);
      Version version =
          Version.tryParse(v == null ? "" : v)
              .orElseThrow(() -> bad("release", "version", rel.version, "not a semantic version"));
      releases.add(
          new Release(
              version, NodeMapper.opt(rel.date), NodeMapper.opt(rel.url),
              NodeMapper.opt(rel.deprecated), NodeMapper.opt(rel.replacement),
              rel.text == null ? "" : rel.text.trim()));
    }
  }

  private void requirements(Xml.Requirements x) throws IndexException {
    for (Xml.PackageRequirement p : x.packages) {
      String v = NodeMapper.trimmed(p.vendor);
      String n = NodeMapper.trimmed(p.name);
      if (v == null || n == null) {
        throw bad("package", v == null ? "vendor" : "name", "", "required attribute is missing");
      }
      requirements.add(new Requirement(v, n, range(p.version)));
    }
  }

  private VersionRequirement range(String text) throws IndexException {
    String t = NodeMapper.trimmed(text);
    if (t == null) {
      return new VersionRequirement.Any();
    }
    int colon = t.indexOf(':');
    String lo = colon < 0 ? t : t.substring(0, colon);
    String hi = colon < 0 ? "_" : t.substring(colon + 1);
    Optional<Version> min = Version.tryParse(lo);
    Optional<Version> max = hi.equals("_") ? Optional.empty() : Version.tryParse(hi);
    if (min.isEmpty() || (!hi.equals("_") && max.isEmpty())) {
      throw bad("package", "version", text, "expected MIN or MIN:MAX");
    }
    return new VersionRequirement.Range(min.get(), max);
  }

  private void boards(Xml.Boards x) throws IndexException {
    for (Xml.Board b : x.boards) {
      String n = NodeMapper.trimmed(b.name);
      if (n == null) {
        throw bad("board", "name", "", "required attribute is missing");
      }
      boards.add(
          new Board(
              NodeMapper.opt(b.vendor).orElse(vendor == null ? "" : vendor), n,
              NodeMapper.opt(b.revision), boardDevices(b.mounted), boardDevices(b.compatible)));
    }
  }

  private List<BoardDevice> boardDevices(List<Xml.BoardDevice> xs) throws IndexException {
    List<BoardDevice> out = new ArrayList<>();
    for (Xml.BoardDevice d : xs) {
      String n = NodeMapper.trimmed(d.dname);
      if (n == null) {
        continue; // a board may name only a family; packs matches boards by device name
      }
      Optional<Integer> index = Optional.empty();
      if (NodeMapper.trimmed(d.deviceIndex) != null) {
        index =
            Optional.of(
                Numbers.parse(d.deviceIndex)
                    .orElseThrow(() -> bad("mountedDevice", "deviceIndex", d.deviceIndex, "not a number"))
                    .intValue());
      }
      out.add(new BoardDevice(NodeMapper.opt(d.dvendor).map(NodeMapper::stripVendorId), n, index));
    }
    return out;
  }

  private IndexException bad(String element, String attribute, String value, String reason) {
    return new IndexException.BadAttribute(source, element, attribute, value == null ? "" : value, reason);
  }
}
