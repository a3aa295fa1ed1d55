package dev.packs.index.internal.pdsc;

import dev.packs.index.DeviceNode;
import dev.packs.index.DeviceNode.Level;
import dev.packs.index.IndexException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns the bound device tree into {@link DeviceNode} records, checking every attribute. */
final class NodeMapper {
  private final String source;

  NodeMapper(String source) {
    this.source = source;
  }

  List<DeviceNode> families(Xml.Devices devices) throws IndexException {
    List<DeviceNode> out = new ArrayList<>();
    for (Xml.Family f : devices.families) {
      List<DeviceNode> children = new ArrayList<>();
      for (Xml.SubFamily s : f.subFamilies) {
        List<DeviceNode> devs = new ArrayList<>();
        for (Xml.Device d : s.devices) {
          devs.add(device(d));
        }
        children.add(node(Level.SUB_FAMILY, s.dsubFamily, "DsubFamily", s, devs));
      }
      for (Xml.Device d : f.devices) {
        children.add(device(d));
      }
      out.add(node(Level.FAMILY, f.dfamily, "Dfamily", f, children));
    }
    return out;
  }

  private DeviceNode device(Xml.Device d) throws IndexException {
    List<DeviceNode> variants = new ArrayList<>();
    for (Xml.Variant v : d.variants) {
      variants.add(node(Level.VARIANT, v.dvariant, "Dvariant", v, List.of()));
    }
    return node(Level.DEVICE, d.dname, "Dname", d, variants);
  }

  private DeviceNode node(
      Level level, String rawName, String nameAttr, Xml.Level x, List<DeviceNode> children)
      throws IndexException {
    String name = trimmed(rawName);
    if (name == null) {
      throw new IndexException.BadAttribute(
          source, level.xmlName(), nameAttr, "", "required attribute is missing");
    }
    Attrs a = new Attrs(source, level.xmlName() + " '" + name + "'");
    List<DeviceNode.Processor> processors = new ArrayList<>();
    for (Xml.Processor p : x.processors) {
      processors.add(a.processor(p));
    }
    List<DeviceNode.Memory> memories = new ArrayList<>();
    for (Xml.Memory m : x.memories) {
      memories.add(a.memory(m));
    }
    List<DeviceNode.Algorithm> algorithms = new ArrayList<>();
    for (Xml.Algorithm al : x.algorithms) {
      algorithms.add(a.algorithm(al));
    }
    List<DeviceNode.Debug> debugs = new ArrayList<>();
    for (Xml.Debug d : x.debugs) {
      debugs.add(a.debug(d));
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
