package dev.packs.index.internal.pdsc;

import static dev.packs.index.internal.pdsc.NodeMapper.opt;
import static dev.packs.index.internal.pdsc.NodeMapper.trimmed;

import dev.packs.index.DeviceNode;
import java.util.Optional;

/**
 * Checked conversion of one element's attributes. An attribute that cannot be read makes the whole
 * element unreadable ({@link Unreadable}, naming the attribute); the caller skips that element only.
 */
final class Attrs {
  /** The largest address or size: memories and algorithms live in the 32-bit address space of the core. */
  static final long MAX_U32 = 0xFFFF_FFFFL;

  private Attrs() {}

  static DeviceNode.Processor processor(Xml.Processor p) throws Unreadable {
    return new DeviceNode.Processor(
        opt(p.pname), opt(p.dcore), opt(p.dfpu), opt(p.dmpu), opt(p.dendian),
        number("processor", "Dclock", p.dclock),
        number("processor", "Punits", p.punits).map(Long::intValue));
  }

  static DeviceNode.Memory memory(Xml.Memory m) throws Unreadable {
    if (trimmed(m.name) == null && trimmed(m.id) == null) {
      throw new Unreadable("memory", "name", "", "a memory needs a name or an id");
    }
    Optional<Boolean> uninit = bool("memory", "uninit", m.uninit);
    if (uninit.isEmpty()) {
      uninit = bool("memory", "init", m.init);
    }
    return new DeviceNode.Memory(
        opt(m.name), opt(m.id),
        u32("memory", "start", m.start), u32("memory", "size", m.size),
        opt(m.access), bool("memory", "default", m.isDefault), bool("memory", "startup", m.startup),
        uninit, opt(m.alias), opt(m.pname));
  }

  static DeviceNode.Algorithm algorithm(Xml.Algorithm a) throws Unreadable {
    String name = trimmed(a.name);
    if (name == null) {
      throw new Unreadable("algorithm", "name", "", "required attribute is missing");
    }
    return new DeviceNode.Algorithm(
        name.replace('\\', '/'),
        u32("algorithm", "start", a.start), u32("algorithm", "size", a.size),
        u32("algorithm", "RAMstart", a.ramStart), u32("algorithm", "RAMsize", a.ramSize),
        bool("algorithm", "default", a.isDefault), opt(a.style), opt(a.pname));
  }

  static DeviceNode.Debug debug(Xml.Debug d) throws Unreadable {
    return new DeviceNode.Debug(
        opt(d.pname), number("debug", "Punit", d.punit).map(Long::intValue), opt(d.svd),
        number("debug", "__dp", d.dp), number("debug", "__ap", d.ap),
        number("debug", "__apid", d.apid), number("debug", "address", d.address),
        opt(d.defaultResetSequence));
  }

  /** How a skipped element is named in a problem: {@code <memory> 'Flash'}. */
  static String label(String element, String name) {
    String n = trimmed(name);
    return "<" + element + ">" + (n == null ? "" : " '" + n + "'");
  }

  private static Optional<Long> number(String element, String attribute, String value) throws Unreadable {
    String v = trimmed(value);
    if (v == null) {
      return Optional.empty();
    }
    Optional<Long> n = Numbers.parse(v);
    if (n.isEmpty()) {
      throw new Unreadable(element, attribute, value, "not a number (decimal, or hexadecimal with 0x)");
    }
    return n;
  }

  /** An address or size: at most 0xFFFFFFFF, so that a 64-bit value never wraps into a negative one. */
  private static Optional<Long> u32(String element, String attribute, String value) throws Unreadable {
    Optional<Long> n = number(element, attribute, value);
    if (n.isPresent() && Long.compareUnsigned(n.get(), MAX_U32) > 0) {
      throw new Unreadable(element, attribute, value,
          "above 0xFFFFFFFF; addresses and sizes are unsigned 32-bit on Cortex-M");
    }
    return n;
  }

  private static Optional<Boolean> bool(String element, String attribute, String value) throws Unreadable {
    String v = trimmed(value);
    if (v == null) {
      return Optional.empty();
    }
    Optional<Boolean> b = Numbers.parseBoolean(v);
    if (b.isEmpty()) {
      throw new Unreadable(element, attribute, value, "expected 1, 0, true or false");
    }
    return b;
  }
}
