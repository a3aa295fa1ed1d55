package dev.packs.index.internal.resolve;

import dev.packs.index.Device;
import dev.packs.index.DeviceNode;
import dev.packs.index.DeviceNode.Level;
import dev.packs.index.DeviceResolver;
import dev.packs.index.PackDescriptor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Walks the device tree and builds one effective {@link Device} per device and variant. */
public final class Resolution {
  private final PackDescriptor pdsc;
  private final Device.PackRef pack;
  private final List<String> warnings = new ArrayList<>();
  private final Map<String, Entry> byName = new LinkedHashMap<>();

  private record Entry(Device device, Level level) {}

  private Resolution(PackDescriptor pdsc) {
    this.pdsc = pdsc;
    this.pack = new Device.PackRef(pdsc.vendor(), pdsc.name(), pdsc.version());
  }

  /** Resolves every device of the descriptor. */
  public static DeviceResolver.Result of(PackDescriptor pdsc) {
    Resolution r = new Resolution(pdsc);
    for (DeviceNode family : pdsc.devices()) {
      r.walk(family, new ArrayList<>(List.of(family)));
    }
    return new DeviceResolver.Result(r.byName.values().stream().map(Entry::device).toList(), r.warnings);
  }

  private void walk(DeviceNode node, List<DeviceNode> chain) {
    for (DeviceNode child : node.children()) {
      chain.add(child);
      if (child.level() == Level.DEVICE || child.level() == Level.VARIANT) {
        add(build(chain), child.level());
      }
      walk(child, chain);
      chain.remove(chain.size() - 1);
    }
  }

  private void add(Device device, Level level) {
    String key = device.name().toLowerCase(Locale.ROOT);
    Entry existing = byName.get(key);
    if (existing == null) {
      byName.put(key, new Entry(device, level));
      return;
    }
    boolean lowerWins = level.compareTo(existing.level()) > 0;
    warnings.add(
        String.format(
            "%s: duplicate device '%s' (%s and %s); keeping the %s",
            pdsc.source(), device.name(), existing.level().xmlName(), level.xmlName(),
            lowerWins ? level.xmlName() : "first " + existing.level().xmlName()));
    if (lowerWins) {
      byName.put(key, new Entry(device, level));
    }
  }

  private Device build(List<DeviceNode> chain) {
    DeviceNode leaf = chain.get(chain.size() - 1);
    String family = chain.get(0).name();
    Optional<String> subFamily =
        chain.stream().filter(n -> n.level() == Level.SUB_FAMILY).map(DeviceNode::name).filter(n -> !n.isEmpty()).findFirst();
    Optional<String> variantOf =
        leaf.level() == Level.VARIANT ? Optional.of(chain.get(chain.size() - 2).name()) : Optional.empty();
    Optional<String> vendor = Optional.empty();
    List<String> descriptions = new ArrayList<>();
    List<DeviceNode.Feature> features = new ArrayList<>();
    for (DeviceNode n : chain) {
      vendor = Merge.or(n.vendor(), vendor);
      descriptions.addAll(n.descriptions());
      features.addAll(n.features());
    }
    String where = pdsc.source() + ": device '" + leaf.name() + "'";
    if (vendor.isEmpty()) {
      warnings.add(where + " has no Dvendor; using the pack vendor " + pdsc.vendor());
    }
    Properties props = new Properties(where, warnings);
    for (DeviceNode n : chain) {
      props.add(n);
    }
    Device device =
        new Device(
            leaf.name(), vendor.orElse(pdsc.vendor()), family, subFamily, variantOf, pack,
            props.processors(), props.memories(), props.algorithms(), props.debugs(),
            descriptions, features);
    if (device.processors().isEmpty()) {
      warnings.add(where + " has no <processor>; kept without processor details");
    }
    return device;
  }
}
