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
  private final Problems problems;
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
    this.problems = new Problems(source);
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
    List<dev.packs.index.DeviceNode> families = new NodeMapper(problems).families(devices);
    return new PackDescriptor(
        vendor, name, description, Optional.ofNullable(url), releases, requirements, families, boards, source,
        problems.lines());
  }

  private void readChildren(XMLStreamReader r) throws XMLStreamException {
    int event = r.next();
    while (event != XMLStreamConstants.END_ELEMENT) {
      if (event == XMLStreamConstants.START_ELEMENT) {
        bindSubtree(r);
      }
      event = r.next();
    }
  }

  /** Handles one child of package, leaving the reader on its end tag. */
  private void bindSubtree(XMLStreamReader r) throws XMLStreamException {
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

  private void releases(Xml.Releases x) {
    for (Xml.Release rel : x.releases) {
      String v = NodeMapper.trimmed(rel.version);
      Optional<Version> parsed = Version.tryParse(v == null ? "" : v);
      if (parsed.isEmpty()) {
        skipped("release", "version", rel.version, "not a semantic version", Attrs.label("release", v));
        continue;
      }
      Version version = parsed.get();
      releases.add(
          new Release(
              version, NodeMapper.opt(rel.date), NodeMapper.opt(rel.url),
              NodeMapper.opt(rel.deprecated), NodeMapper.opt(rel.replacement),
              rel.text == null ? "" : rel.text.trim()));
    }
  }

  private void requirements(Xml.Requirements x) {
    for (Xml.PackageRequirement p : x.packages) {
      String v = NodeMapper.trimmed(p.vendor);
      String n = NodeMapper.trimmed(p.name);
      String label = "the required <package> " + (v == null ? "" : v + "::") + (n == null ? "" : n);
      if (v == null || n == null) {
        skipped("package", v == null ? "vendor" : "name", "", "required attribute is missing", label.strip());
        continue;
      }
      Optional<VersionRequirement> range = range(p.version);
      if (range.isEmpty()) {
        skipped("package", "version", p.version, "expected MIN or MIN:MAX", label);
        continue;
      }
      requirements.add(new Requirement(v, n, range.get()));
    }
  }

  private static Optional<VersionRequirement> range(String text) {
    String t = NodeMapper.trimmed(text);
    if (t == null) {
      return Optional.of(new VersionRequirement.Any());
    }
    int colon = t.indexOf(':');
    String lo = colon < 0 ? t : t.substring(0, colon);
    String hi = colon < 0 ? "_" : t.substring(colon + 1);
    Optional<Version> min = Version.tryParse(lo);
    Optional<Version> max = hi.equals("_") ? Optional.empty() : Version.tryParse(hi);
    if (min.isEmpty() || (!hi.equals("_") && max.isEmpty())) {
      return Optional.empty();
    }
    return Optional.of(new VersionRequirement.Range(min.get(), max));
  }

  private void boards(Xml.Boards x) {
    for (Xml.Board b : x.boards) {
      String n = NodeMapper.trimmed(b.name);
      if (n == null) {
        skipped("board", "name", "", "required attribute is missing", "this <board>");
        continue;
      }
      boards.add(
          new Board(
              NodeMapper.opt(b.vendor).orElse(vendor == null ? "" : vendor), n,
              NodeMapper.opt(b.revision), boardDevices(n, b.mounted), boardDevices(n, b.compatible)));
    }
  }

  private List<BoardDevice> boardDevices(String board, List<Xml.BoardDevice> xs) {
    List<BoardDevice> out = new ArrayList<>();
    for (Xml.BoardDevice d : xs) {
      String n = NodeMapper.trimmed(d.dname);
      if (n == null) {
        continue; // a board may name only a family; packs matches boards by device name
      }
      Optional<Integer> index = Optional.empty();
      if (NodeMapper.trimmed(d.deviceIndex) != null) {
        Optional<Long> parsed = Numbers.parse(d.deviceIndex).filter(i -> i <= Integer.MAX_VALUE);
        if (parsed.isEmpty()) {
          problems.skipped("board '" + board + "'",
              "bad value '" + d.deviceIndex + "' for attribute 'deviceIndex' of <mountedDevice>: not a number",
              "the mounted device '" + n + "'");
          continue;
        }
        index = Optional.of(parsed.get().intValue());
      }
      out.add(new BoardDevice(NodeMapper.opt(d.dvendor).map(NodeMapper::stripVendorId), n, index));
    }
    return out;
  }

  private void skipped(String element, String attribute, String value, String reason, String what) {
    problems.skipped("", String.format("bad value '%s' for attribute '%s' of <%s>: %s",
        value == null ? "" : value, attribute, element, reason), what);
  }
}
