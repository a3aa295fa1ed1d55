package dev.packs.index.internal.pdsc;

import static dev.packs.index.internal.pdsc.NodeMapper.opt;
import static dev.packs.index.internal.pdsc.NodeMapper.trimmed;

import dev.packs.index.DeviceNode;
import dev.packs.index.IndexException;
import java.util.Optional;

/** Checked conversion of one level's attributes; errors name the attribute and the level. */
final class Attrs {
  private final String source;
  private final String where;

  Attrs(String source, String where) {
    this.source = source;
    this.where = where;
  }

  DeviceNode.Processor processor(Xml.Processor p) throws IndexException {
    return new DeviceNode.Processor(
        opt(p.pname), opt(p.dcore), opt(p.dfpu), opt(p.dmpu), opt(p.dendian),
        number("processor", "Dclock", p.dclock),
        number("processor", "Punits", p.punits).map(Long::intValue));
  }

  DeviceNode.Memory memory(Xml.Memory m) throws IndexException {
    if (trimmed(m.name) == null && trimmed(m.id) == null) {
      throw bad("memory", "name", "", "a memory needs a name or an id");
    }
    Optional<Boolean> uninit = bool("memory", "uninit", m.uninit);
    if (uninit.isEmpty()) {
      uninit = bool("memory", "init", m.init);
    }
    return new DeviceNode.Memory(
        opt(m.name), opt(m.id),
        number("memory", "start", m.start), number("memory", "size", m.size),
        opt(m.access), bool("memory", "default", m.isDefault), bool("memory", "startup", m.startup),
        uninit, opt(m.alias), opt(m.pname));
  }

  DeviceNode.Algorithm algorithm(Xml.Algorithm a) throws IndexException {
    String name = trimmed(a.name);
    if (name == null) {
      throw bad("algorithm", "name", "", "required attribute is missing");
    }
    return new DeviceNode.Algorithm(
        name.replace('\\', '/'),
        number("algorithm", "start", a.start), number("algorithm", "size", a.size),
        number("algorithm", "RAMstart", a.ramStart), number("algorithm", "RAMsize", a.ramSize),
        bool("algorithm", "default", a.isDefault), opt(a.style), opt(a.pname));
  }

  DeviceNode.Debug debug(Xml.Debug d) throws IndexException {
    return new DeviceNode.Debug(
        opt(d.pname), number("debug", "Punit", d.punit).map(Long::intValue), opt(d.svd),
        number("debug", "__dp", d.dp), number("debug", "__ap", d.ap),
        number("debug", "__apid", d.apid), number("debug", "address", d.address),
        opt(d.defaultResetSequence));
  }

  private Optional<Long> number(String element, String attribute, String value)
      throws IndexException {
    String v = trimmed(value);
    if (v == null) {
      return Optional.empty();
    }
    Optional<Long> n = Numbers.parse(v);
    if (n.isEmpty()) {
      throw bad(element, attribute, value, "not a number (decimal, or hexadecimal with 0x)");
    }
    return n;
  }

  private Optional<Boolean> bool(String element, String attribute, String value)
      throws IndexException {
    String v = trimmed(value);
    if (v == null) {
      return Optional.empty();
    }
    Optional<Boolean> b = Numbers.parseBoolean(v);
    if (b.isEmpty()) {
      throw bad(element, attribute, value, "expected 1, 0, true or false");
    }
    return b;
  }

  private IndexException bad(String element, String attribute, String value, String reason) {
    return new IndexException.BadAttribute(source + " (" + where + ")", element, attribute, value, reason);
  }
}
