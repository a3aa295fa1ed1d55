package dev.packs.index.internal.pdsc;

import dev.packs.index.internal.xml.SafeXml;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Fills the {@link Xml} classes straight from the StAX cursor, without reflection. It replaced a
 * JAXB binding, which was about 1.5-1.9x slower on the shared descriptors (see the README and
 * bench/pdsc-throughput.sh). Each method starts on a start tag and returns on its end tag.
 */
final class StaxBinder {
  private StaxBinder() {}

  static Xml.Devices devices(XMLStreamReader r) throws XMLStreamException {
    Xml.Devices d = new Xml.Devices();
    while (nextChild(r)) {
      if (r.getLocalName().equals("family")) {
        d.families.add(family(r));
      } else {
        SafeXml.skipElement(r);
      }
    }
    return d;
  }

  private static Xml.Family family(XMLStreamReader r) throws XMLStreamException {
    Xml.Family f = new Xml.Family();
    for (int i = 0, n = r.getAttributeCount(); i < n; i++) {
      switch (r.getAttributeLocalName(i)) {
        case "Dfamily" -> f.dfamily = r.getAttributeValue(i);
        case "Dvendor" -> f.dvendor = r.getAttributeValue(i);
        default -> { }
      }
    }
    while (nextChild(r)) {
      switch (r.getLocalName()) {
        case "subFamily" -> f.subFamilies.add(subFamily(r));
        case "device" -> f.devices.add(device(r));
        default -> property(r, f);
      }
    }
    return f;
  }

  private static Xml.SubFamily subFamily(XMLStreamReader r) throws XMLStreamException {
    Xml.SubFamily s = new Xml.SubFamily();
    for (int i = 0, n = r.getAttributeCount(); i < n; i++) {
      switch (r.getAttributeLocalName(i)) {
        case "DsubFamily" -> s.dsubFamily = r.getAttributeValue(i);
        case "Dvendor" -> s.dvendor = r.getAttributeValue(i);
        default -> { }
      }
    }
    while (nextChild(r)) {
      if (r.getLocalName().equals("device")) {
        s.devices.add(device(r));
      } else {
        property(r, s);
      }
    }
    return s;
  }

  private static Xml.Device device(XMLStreamReader r) throws XMLStreamException {
    Xml.Device d = new Xml.Device();
    for (int i = 0, n = r.getAttributeCount(); i < n; i++) {
      switch (r.getAttributeLocalName(i)) {
        case "Dname" -> d.dname = r.getAttributeValue(i);
        case "Dvendor" -> d.dvendor = r.getAttributeValue(i);
        default -> { }
      }
    }
    while (nextChild(r)) {
      if (r.getLocalName().equals("variant")) {
        Xml.Variant v = new Xml.Variant();
        for (int i = 0, n = r.getAttributeCount(); i < n; i++) {
          switch (r.getAttributeLocalName(i)) {
            case "Dvariant" -> v.dvariant = r.getAttributeValue(i);
            case "Dvendor" -> v.dvendor = r.getAttributeValue(i);
            default -> { }
          }
        }
        while (nextChild(r)) {
          property(r, v);
        }
        d.variants.add(v);
      } else {
        property(r, d);
      }
    }
    return d;
  }

  /** One property element of a level; anything unknown is skipped. */
  private static void property(XMLStreamReader r, Xml.Level x) throws XMLStreamException {
    switch (r.getLocalName()) {
      case "processor" -> x.processors.add(processor(r));
      case "memory" -> x.memories.add(memory(r));
      case "algorithm" -> x.algorithms.add(algorithm(r));
      case "debug" -> x.debugs.add(debug(r));
      case "feature" -> x.features.add(feature(r));
      case "description" -> {
        x.descriptions.add(SafeXml.text(r));
        return;
      }
      default -> { }
    }
    SafeXml.skipElement(r);
  }

  private static Xml.Processor processor(XMLStreamReader r) {
    Xml.Processor p = new Xml.Processor();
    for (int i = 0, n = r.getAttributeCount(); i < n; i++) {
      String v = r.getAttributeValue(i);
      switch (r.getAttributeLocalName(i)) {
        case "Pname" -> p.pname = v;
        case "Punits" -> p.punits = v;
        case "Dcore" -> p.dcore = v;
        case "Dfpu" -> p.dfpu = v;
        case "Dmpu" -> p.dmpu = v;
        case "Dendian" -> p.dendian = v;
        case "Dclock" -> p.dclock = v;
        default -> { }
      }
    }
    return p;
  }

  private static Xml.Memory memory(XMLStreamReader r) {
    Xml.Memory m = new Xml.Memory();
    for (int i = 0, n = r.getAttributeCount(); i < n; i++) {
      String v = r.getAttributeValue(i);
      switch (r.getAttributeLocalName(i)) {
        case "name" -> m.name = v;
        case "id" -> m.id = v;
        case "start" -> m.start = v;
        case "size" -> m.size = v;
        case "access" -> m.access = v;
        case "default" -> m.isDefault = v;
        case "startup" -> m.startup = v;
        case "uninit" -> m.uninit = v;
        case "init" -> m.init = v;
        case "alias" -> m.alias = v;
        case "Pname" -> m.pname = v;
        default -> { }
      }
    }
    return m;
  }

  private static Xml.Algorithm algorithm(XMLStreamReader r) {
    Xml.Algorithm a = new Xml.Algorithm();
    for (int i = 0, n = r.getAttributeCount(); i < n; i++) {
      String v = r.getAttributeValue(i);
      switch (r.getAttributeLocalName(i)) {
        case "name" -> a.name = v;
        case "start" -> a.start = v;
        case "size" -> a.size = v;
        case "RAMstart" -> a.ramStart = v;
        case "RAMsize" -> a.ramSize = v;
        case "default" -> a.isDefault = v;
        case "style" -> a.style = v;
        case "Pname" -> a.pname = v;
        default -> { }
      }
    }
    return a;
  }

  private static Xml.Debug debug(XMLStreamReader r) {
    Xml.Debug d = new Xml.Debug();
    for (int i = 0, n = r.getAttributeCount(); i < n; i++) {
      String v = r.getAttributeValue(i);
      switch (r.getAttributeLocalName(i)) {
        case "Pname" -> d.pname = v;
        case "Punit" -> d.punit = v;
        case "svd" -> d.svd = v;
        case "__dp" -> d.dp = v;
        case "__ap" -> d.ap = v;
        case "__apid" -> d.apid = v;
        case "address" -> d.address = v;
        case "defaultResetSequence" -> d.defaultResetSequence = v;
        default -> { }
      }
    }
    return d;
  }

  private static Xml.Feature feature(XMLStreamReader r) {
    Xml.Feature f = new Xml.Feature();
    for (int i = 0, n = r.getAttributeCount(); i < n; i++) {
      String v = r.getAttributeValue(i);
      switch (r.getAttributeLocalName(i)) {
        case "type" -> f.type = v;
        case "n" -> f.n = v;
        case "m" -> f.m = v;
        case "name" -> f.name = v;
        default -> { }
      }
    }
    return f;
  }

  static Xml.Releases releases(XMLStreamReader r) throws XMLStreamException {
    Xml.Releases out = new Xml.Releases();
    while (nextChild(r)) {
      if (!r.getLocalName().equals("release")) {
        SafeXml.skipElement(r);
        continue;
      }
      Xml.Release rel = new Xml.Release();
      for (int i = 0, n = r.getAttributeCount(); i < n; i++) {
        String v = r.getAttributeValue(i);
        switch (r.getAttributeLocalName(i)) {
          case "version" -> rel.version = v;
          case "date" -> rel.date = v;
          case "url" -> rel.url = v;
          case "deprecated" -> rel.deprecated = v;
          case "replacement" -> rel.replacement = v;
          default -> { }
        }
      }
      rel.text = SafeXml.text(r);
      out.releases.add(rel);
    }
    return out;
  }

  static Xml.Requirements requirements(XMLStreamReader r) throws XMLStreamException {
    Xml.Requirements out = new Xml.Requirements();
    while (nextChild(r)) {
      if (!r.getLocalName().equals("packages")) {
        SafeXml.skipElement(r);
        continue;
      }
      while (nextChild(r)) {
        if (r.getLocalName().equals("package")) {
          Xml.PackageRequirement p = new Xml.PackageRequirement();
          p.vendor = r.getAttributeValue(null, "vendor");
          p.name = r.getAttributeValue(null, "name");
          p.version = r.getAttributeValue(null, "version");
          out.packages.add(p);
        }
        SafeXml.skipElement(r);
      }
    }
    return out;
  }

  static Xml.Boards boards(XMLStreamReader r) throws XMLStreamException {
    Xml.Boards out = new Xml.Boards();
    while (nextChild(r)) {
      if (!r.getLocalName().equals("board")) {
        SafeXml.skipElement(r);
        continue;
      }
      Xml.Board b = new Xml.Board();
      b.vendor = r.getAttributeValue(null, "vendor");
      b.name = r.getAttributeValue(null, "name");
      b.revision = r.getAttributeValue(null, "revision");
      while (nextChild(r)) {
        String tag = r.getLocalName();
        if (tag.equals("mountedDevice") || tag.equals("compatibleDevice")) {
          Xml.BoardDevice d = new Xml.BoardDevice();
          d.dvendor = r.getAttributeValue(null, "Dvendor");
          d.dname = r.getAttributeValue(null, "Dname");
          d.deviceIndex = r.getAttributeValue(null, "deviceIndex");
          (tag.equals("mountedDevice") ? b.mounted : b.compatible).add(d);
        }
        SafeXml.skipElement(r);
      }
      out.boards.add(b);
    }
    return out;
  }

  /** Moves to the next child start tag (true) or to the parent's end tag (false). */
  private static boolean nextChild(XMLStreamReader r) throws XMLStreamException {
    while (true) {
      int e = r.next();
      if (e == XMLStreamConstants.START_ELEMENT) {
        return true;
      }
      if (e == XMLStreamConstants.END_ELEMENT) {
        return false;
      }
    }
  }
}
