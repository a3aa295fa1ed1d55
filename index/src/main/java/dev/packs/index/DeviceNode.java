package dev.packs.index;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One level of the {@code <devices>} tree exactly as the descriptor writes it: a family, subFamily,
 * device or variant with the properties declared at that level and its children. Attributes left
 * out are absent here; {@link DeviceResolver} fills them from the levels above.
 *
 * @param vendor {@code Dvendor} with any {@code :NN} suffix removed
 */
public record DeviceNode(
    Level level,
    String name,
    Optional<String> vendor,
    List<Processor> processors,
    List<Memory> memories,
    List<Algorithm> algorithms,
    List<Debug> debugs,
    List<String> descriptions,
    List<Feature> features,
    List<DeviceNode> children) {

  public DeviceNode {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(vendor, "vendor");
    processors = List.copyOf(processors);
    memories = List.copyOf(memories);
    algorithms = List.copyOf(algorithms);
    debugs = List.copyOf(debugs);
    descriptions = List.copyOf(descriptions);
    features = List.copyOf(features);
    children = List.copyOf(children);
  }

  /** The four levels of the device hierarchy, outermost first. */
  public enum Level {
    FAMILY("family"),
    SUB_FAMILY("subFamily"),
    DEVICE("device"),
    VARIANT("variant");

    private final String xmlName;

    Level(String xmlName) {
      this.xmlName = xmlName;
    }

    /** The element name in the descriptor. */
    public String xmlName() {
      return xmlName;
    }
  }

  /** A {@code <processor>} as declared. */
  public record Processor(
      Optional<String> pname,
      Optional<String> core,
      Optional<String> fpu,
      Optional<String> mpu,
      Optional<String> endian,
      Optional<Long> clock,
      Optional<Integer> units) {
    public Processor {
      Objects.requireNonNull(pname, "pname");
      Objects.requireNonNull(core, "core");
      Objects.requireNonNull(fpu, "fpu");
      Objects.requireNonNull(mpu, "mpu");
      Objects.requireNonNull(endian, "endian");
      Objects.requireNonNull(clock, "clock");
      Objects.requireNonNull(units, "units");
    }
  }

  /** A {@code <memory>} as declared; keyed by the legacy {@code id} if present, else {@code name}. */
  public record Memory(
      Optional<String> name,
      Optional<String> id,
      Optional<Long> start,
      Optional<Long> size,
      Optional<String> access,
      Optional<Boolean> isDefault,
      Optional<Boolean> startup,
      Optional<Boolean> uninit,
      Optional<String> alias,
      Optional<String> pname) {
    public Memory {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(size, "size");
      Objects.requireNonNull(access, "access");
      Objects.requireNonNull(isDefault, "isDefault");
      Objects.requireNonNull(startup, "startup");
      Objects.requireNonNull(uninit, "uninit");
      Objects.requireNonNull(alias, "alias");
      Objects.requireNonNull(pname, "pname");
      if (name.isEmpty() && id.isEmpty()) {
        throw new IllegalArgumentException("a memory needs a name or an id");
      }
    }

    /** The inheritance key: {@code id} if present, else {@code name}. */
    public String key() {
      return id.orElseGet(name::orElseThrow);
    }
  }

  /**
   * An {@code <algorithm>} as declared.
   *
   * @param path the file inside the pack, with {@code \} already turned into {@code /}
   */
  public record Algorithm(
      String path,
      Optional<Long> start,
      Optional<Long> size,
      Optional<Long> ramStart,
      Optional<Long> ramSize,
      Optional<Boolean> isDefault,
      Optional<String> style,
      Optional<String> pname) {
    public Algorithm {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(size, "size");
      Objects.requireNonNull(ramStart, "ramStart");
      Objects.requireNonNull(ramSize, "ramSize");
      Objects.requireNonNull(isDefault, "isDefault");
      Objects.requireNonNull(style, "style");
      Objects.requireNonNull(pname, "pname");
    }
  }

  /** A {@code <debug>} as declared. */
  public record Debug(
      Optional<String> pname,
      Optional<Integer> punit,
      Optional<String> svd,
      Optional<Long> dp,
      Optional<Long> ap,
      Optional<Long> apid,
      Optional<Long> address,
      Optional<String> defaultResetSequence) {
    public Debug {
      Objects.requireNonNull(pname, "pname");
      Objects.requireNonNull(punit, "punit");
      Objects.requireNonNull(svd, "svd");
      Objects.requireNonNull(dp, "dp");
      Objects.requireNonNull(ap, "ap");
      Objects.requireNonNull(apid, "apid");
      Objects.requireNonNull(address, "address");
      Objects.requireNonNull(defaultResetSequence, "defaultResetSequence");
    }
  }

  /** A {@code <feature>}: kept as written, since its values are free-form. */
  public record Feature(String type, Optional<String> n, Optional<String> m, Optional<String> name) {
    public Feature {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(n, "n");
      Objects.requireNonNull(m, "m");
      Objects.requireNonNull(name, "name");
    }
  }
}
