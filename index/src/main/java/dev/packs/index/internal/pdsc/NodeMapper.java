package dev.packs.index.internal.pdsc;

import dev.packs.index.DeviceNode;
import dev.packs.index.DeviceNode.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns the bound device tree into {@link DeviceNode} records, checking every attribute. What cannot
 * be read is skipped and recorded in {@link Problems}, never thrown: one bad memory leaves its device,
 * and one device without a name leaves its family, usable.
 */
final class NodeMapper {
  private final Problems problems;

  NodeMapper(Problems problems) {
    this.problems = problems;
  }

  List<DeviceNode> families(Xml.Devices devices) {
    List<DeviceNode> out = new ArrayList<>();
    for (Xml.Family f : devices.families) {
      String family = named(f.dfamily, "family", "Dfamily", "");
      String where = where(Level.FAMILY, family);
      List<DeviceNode> children = new ArrayList<>();
      for (Xml.SubFamily s : f.subFamilies) {
        String sub = named(s.dsubFamily, "subFamily", "DsubFamily", where);
        String subWhere = where(Level.SUB_FAMILY, sub);
        List<DeviceNode> devs = new ArrayList<>();
        for (Xml.Device d : s.devices) {
          device(d, subWhere).ifPresent(devs::add);
        }
        children.add(node(Level.SUB_FAMILY, sub, s, devs));
      }
      for (Xml.Device d : f.devices) {
        device(d, where).ifPresent(children::add);
      }
      out.add(node(Level.FAMILY, family, f, children));
    }
    return out;
  }

  /**
   * The name of a family or subFamily. Without one its devices are still readable: they are kept
   * under an empty name and the gap is noted.
   */
  private String named(String raw, String element, String attribute, String where) {
    String name = trimmed(raw);
    if (name == null) {
      problems.noted(where, "<" + element + "> without " + attribute + "; its devices are kept with an empty " + element + " name");
      return "";
    }
    return name;
  }

  private Optional<DeviceNode> device(Xml.Device d, String where) {
    String name = trimmed(d.dname);
    if (name == null) {
      problems.skipped(where, "<device> without Dname", "this <device> with its variants");
      return Optional.empty();
    }
    List<DeviceNode> variants = new ArrayList<>();
    for (Xml.Variant v : d.variants) {
      String variant = trimmed(v.dvariant);
      if (variant == null) {
        problems.skipped("device '" + name + "'", "<variant> without Dvariant", "this <variant>");
        continue;
      }
      variants.add(node(Level.VARIANT, variant, v, List.of()));
    }
    return Optional.of(node(Level.DEVICE, name, d, variants));
  }

  private DeviceNode node(Level level, String name, Xml.Level x, List<DeviceNode> children) {
    String where = where(level, name);
    List<DeviceNode.Processor> processors = new ArrayList<>();
    for (Xml.Processor p : x.processors) {
      try {
        processors.add(Attrs.processor(p));
      } catch (Unreadable e) {
        problems.skipped(where, e.getMessage(), "this " + Attrs.label("processor", p.pname));
      }
    }
    List<DeviceNode.Memory> memories = new ArrayList<>();
    for (Xml.Memory m : x.memories) {
      try {
        memories.add(Attrs.memory(m));
      } catch (Unreadable e) {
        problems.skipped(where, e.getMessage(), "this " + Attrs.label("memory", m.name != null ? m.name : m.id));
      }
    }
    List<DeviceNode.Algorithm> algorithms = new ArrayList<>();
    for (Xml.Algorithm al : x.algorithms) {
      try {
        algorithms.add(Attrs.algorithm(al));
      } catch (Unreadable e) {
        problems.skipped(where, e.getMessage(), "this " + Attrs.label("algorithm", al.name));
      }
    }
    List<DeviceNode.Debug> debugs = new ArrayList<>();
    for (Xml.Debug d : x.debugs) {
      try {
        debugs.add(Attrs.debug(d));
      } catch (Unreadable e) {
        problems.skipped(where, e.getMessage(), "this " + Attrs.label("debug", d.pname));
      }
    }
    List<String> descriptions = new ArrayList<>();
    for (String d : x.descriptions) {
      String t = trimmed(d);
      if (t != null) {
        descriptions.add(t);
      }
    }
    List<DeviceNode.Feature> features = new ArrayList<>();
    for (Xml.Feature f : x.features) {
      if (trimmed(f.type) != null) {
        features.add(
            new DeviceNode.Feature(
                f.type.trim(), opt(f.n), opt(f.m), opt(f.name)));
      }
    }
    return new DeviceNode(
        level, name, opt(x.dvendor).map(NodeMapper::stripVendorId),
        processors, memories, algorithms, debugs, descriptions, features, children);
  }

  /** How problems name a level: {@code family 'STM32G4'}, or {@code unnamed family}. */
  private static String where(Level level, String name) {
    return name.isEmpty() ? "unnamed " + level.xmlName() : level.xmlName() + " '" + name + "'";
  }

  /** {@code STMicroelectronics:13} becomes {@code STMicroelectronics}. */
  static String stripVendorId(String vendor) {
    int colon = vendor.lastIndexOf(':');
    return colon < 0 ? vendor : vendor.substring(0, colon).trim();
  }

  static Optional<String> opt(String s) {
    return Optional.ofNullable(trimmed(s));
  }

  static String trimmed(String s) {
    if (s == null) {
      return null;
    }
    String t = s.trim();
    return t.isEmpty() ? null : t;
  }
}
