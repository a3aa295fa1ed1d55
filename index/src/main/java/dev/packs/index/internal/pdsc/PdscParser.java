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
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Unmarshaller;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A StAX cursor walks the children of {@code <package>}: it reads the header texts itself, hands
 * {@code releases}, {@code requirements}, {@code devices} and {@code boards} to JAXB, and skips
 * everything else (components, conditions, examples) without building it.
 */
public final class PdscParser {
  private static final String EXPECTED = "a pack descriptor (.pdsc) with a <package> root";

  private final String source;
  private final Unmarshaller unmarshaller; // null when binding with StAX
  private String vendor;
  private String name;
  private String description = "";
  private String url;
  private final List<Release> releases = new ArrayList<>();
  private final List<Requirement> requirements = new ArrayList<>();
  private Xml.Devices devices = new Xml.Devices();
  private final List<Board> boards = new ArrayList<>();
  private boolean jaxbConsumed;

  private PdscParser(String source, boolean jaxb) {
    this.source = source;
    try {
      this.unmarshaller = jaxb ? Context.INSTANCE.createUnmarshaller() : null;
    } catch (JAXBException e) {
      throw new IllegalStateException("JAXB bindings are broken", e);
    }
  }

  /** Parses one descriptor, binding the subtrees with JAXB ({@code jaxb}) or the StAX binder. */
  public static PackDescriptor parse(InputStream in, String source, boolean jaxb) throws IndexException {
    return new PdscParser(source, jaxb).run(in);
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
    } catch (JAXBException e) {
      throw jaxbFailure(e);
    }
    if (vendor == null || name == null) {
      throw new IndexException.NotADescriptor(
          source, EXPECTED, "a <package> without " + (vendor == null ? "<vendor>" : "<name>"));
    }
    return new PackDescriptor(
        vendor, name, description, Optional.ofNullable(url), releases, requirements,
        new NodeMapper(source).families(devices), boards, source);
  }

  private void readChildren(XMLStreamReader r)
      throws XMLStreamException, JAXBException, IndexException {
    int event = r.next();
    while (event != XMLStreamConstants.END_ELEMENT) {
      if (event == XMLStreamConstants.START_ELEMENT && bindSubtree(r)) {
        event = r.getEventType(); // JAXB leaves the reader on the token after the subtree
        continue;
      }
      event = r.next();
    }
  }

  /** Handles one child of package; true when JAXB consumed it, false when left on its end tag. */
  private boolean bindSubtree(XMLStreamReader r)
      throws XMLStreamException, JAXBException, IndexException {
    switch (r.getLocalName()) {
      case "vendor" -> vendor = NodeMapper.trimmed(SafeXml.text(r));
      case "name" -> name = NodeMapper.trimmed(SafeXml.text(r));
      case "description" -> description = SafeXml.text(r);
      case "url" -> url = NodeMapper.trimmed(SafeXml.text(r));
      case "releases" -> releases(unmarshaller == null ? StaxBinder.releases(r) : jaxb(r, Xml.Releases.class));
      case "requirements" ->
          requirements(unmarshaller == null ? StaxBinder.requirements(r) : jaxb(r, Xml.Requirements.class));
      case "devices" -> devices = unmarshaller == null ? StaxBinder.devices(r) : jaxbFamilies(r);
      case "boards" -> boards(unmarshaller == null ? StaxBinder.boards(r) : jaxb(r, Xml.Boards.class));
      default -> SafeXml.skipElement(r);
    }
    boolean consumed = jaxbConsumed;
    jaxbConsumed = false;
    return consumed;
  }

  /** Binds a subtree with JAXB, which leaves the reader on the token after its end tag. */
  private <T> T jaxb(XMLStreamReader r, Class<T> type) throws JAXBException {
    jaxbConsumed = true;
    return unmarshaller.unmarshal(r, type).getValue();
  }

  /**
   * The cursor walks {@code <devices>} and JAXB binds one {@code <family>} subtree at a time, so
   * the JAXB binding is measured the same way as the StAX binder. Returns on the end tag.
   */
  private Xml.Devices jaxbFamilies(XMLStreamReader r) throws XMLStreamException, JAXBException {
    Xml.Devices d = new Xml.Devices();
    int event = r.next();
    while (event != XMLStreamConstants.END_ELEMENT) {
      if (event == XMLStreamConstants.START_ELEMENT) {
        if (r.getLocalName().equals("family")) {
          d.families.add(unmarshaller.unmarshal(r, Xml.Family.class).getValue());
          event = r.getEventType(); // JAXB leaves the reader on the token after the subtree
          continue;
        }
        SafeXml.skipElement(r);
      }
      event = r.next();
    }
    return d;
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

  private IndexException jaxbFailure(JAXBException e) {
    Throwable cause = e.getLinkedException() != null ? e.getLinkedException() : e.getCause();
    if (cause instanceof XMLStreamException xse) {
      return SafeXml.malformed(source, xse);
    }
    return new IndexException.MalformedXml(source, 0, 0, String.valueOf(cause != null ? cause : e), e);
  }

  /** One JAXB context for the process: building it is the expensive part of JAXB. */
  private static final class Context {
    static final JAXBContext INSTANCE = create();

    private static JAXBContext create() {
      try {
        return JAXBContext.newInstance(
            Xml.Devices.class, Xml.Releases.class, Xml.Requirements.class, Xml.Boards.class);
      } catch (JAXBException e) {
        throw new IllegalStateException("JAXB bindings are broken", e);
      }
    }
  }
}
