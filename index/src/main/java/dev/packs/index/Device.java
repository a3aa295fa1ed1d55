package dev.packs.index;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A device with its effective properties: everything inherited from family, subFamily and device
 * has been merged down following the Open-CMSIS-Pack rules. A multicore device has several
 * processors; {@link #targets()} gives one {@link Target} per (Dname, Pname).
 *
 * @param name {@code Dname}, or {@code Dvariant} for a variant
 * @param vendor {@code Dvendor} without its {@code :NN} suffix
 * @param variantOf the device a variant belongs to
 */
public record Device(
    String name,
    String vendor,
    String family,
    Optional<String> subFamily,
    Optional<String> variantOf,
    PackRef pack,
    List<Processor> processors,
    List<Memory> memories,
    List<Algorithm> algorithms,
    List<DeviceNode.Debug> debugs,
    List<String> descriptions,
    List<DeviceNode.Feature> features) {

  public Device {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(vendor, "vendor");
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(subFamily, "subFamily");
    Objects.requireNonNull(variantOf, "variantOf");
    Objects.requireNonNull(pack, "pack");
    processors = List.copyOf(processors);
    memories = List.copyOf(memories);
    algorithms = List.copyOf(algorithms);
    debugs = List.copyOf(debugs);
    descriptions = List.copyOf(descriptions);
    features = List.copyOf(features);
  }

  /** Addresses and sizes are unsigned 32-bit values on the cores packs programs. */
  private static void u32(String what, long value) {
    if (value < 0 || value > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException(what + " is not an unsigned 32-bit value: 0x" + Long.toHexString(value));
    }
  }

  /**
   * One target per processor. A device without a processor still gives one target, with an empty
   * processor name, so that its memory map stays usable.
   */
  public List<Target> targets() {
    if (processors.isEmpty()) {
      return List.of(new Target(this, Optional.empty()));
    }
    return processors.stream().map(p -> new Target(this, p.name())).toList();
  }

  /** The pack a device comes from; the version is absent when the descriptor lists no release. */
  public record PackRef(String vendor, String name, Optional<Version> version) {
    public PackRef {
      Objects.requireNonNull(vendor, "vendor");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(version, "version");
    }

    @Override
    public String toString() {
      return vendor + "." + name + version.map(v -> "." + v).orElse("");
    }
  }

  /**
   * An effective processor.
   *
   * @param origin the level that declared it, e.g. {@code device STM32G431KBTx}
   */
  public record Processor(
      Optional<String> name,
      String core,
      String fpu,
      String mpu,
      String endian,
      Optional<Long> clock,
      String origin) {
    public Processor {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(core, "core");
      Objects.requireNonNull(fpu, "fpu");
      Objects.requireNonNull(mpu, "mpu");
      Objects.requireNonNull(endian, "endian");
      Objects.requireNonNull(clock, "clock");
      Objects.requireNonNull(origin, "origin");
    }
  }

  /**
   * An effective memory region.
   *
   * @param access letters from {@code rwxpsnc}
   * @param origin the lowest level that declared it
   */
  public record Memory(
      String name,
      long start,
      long size,
      String access,
      boolean isDefault,
      boolean startup,
      boolean uninit,
      Optional<String> pname,
      Optional<String> alias,
      String origin) {
    public Memory {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(access, "access");
      Objects.requireNonNull(pname, "pname");
      Objects.requireNonNull(alias, "alias");
      Objects.requireNonNull(origin, "origin");
      u32("start of memory " + name, start);
      u32("size of memory " + name, size);
    }

    public boolean executable() {
      return access.indexOf('x') >= 0;
    }

    public boolean writable() {
      return access.indexOf('w') >= 0;
    }
  }

  /**
   * An effective flash algorithm.
   *
   * @param path the file inside the pack with {@code /} separators; match it case-insensitively
   * @param style {@code Keil}, {@code IAR} or {@code CMSIS}
   */
  public record Algorithm(
      String path,
      long start,
      long size,
      Optional<Long> ramStart,
      Optional<Long> ramSize,
      boolean isDefault,
      String style,
      Optional<String> pname,
      String origin) {
    public Algorithm {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(ramStart, "ramStart");
      Objects.requireNonNull(ramSize, "ramSize");
      Objects.requireNonNull(style, "style");
      Objects.requireNonNull(pname, "pname");
      Objects.requireNonNull(origin, "origin");
      u32("start of algorithm " + path, start);
      u32("size of algorithm " + path, size);
      ramStart.ifPresent(v -> u32("RAMstart of algorithm " + path, v));
      ramSize.ifPresent(v -> u32("RAMsize of algorithm " + path, v));
    }

    /**
     * The entry of a pack that holds this algorithm: descriptors write {@code \\} and mix {@code
     * .flm}/{@code .FLM}, so paths are compared with {@code /} separators, without a leading {@code
     * ./}, ignoring case. An exact match wins over a case-insensitive one.
     *
     * @param entries file names inside the pack, relative to its root
     */
    public Optional<String> findIn(java.util.Collection<String> entries) {
      String wanted = normal(path);
      Optional<String> exact = entries.stream().filter(e -> normal(e).equals(wanted)).findFirst();
      return exact.isPresent()
          ? exact
          : entries.stream().filter(e -> normal(e).equalsIgnoreCase(wanted)).findFirst();
    }

    private static String normal(String p) {
      String s = p.replace('\\', '/');
      while (s.startsWith("./")) {
        s = s.substring(2);
      }
      return s;
    }
  }

  /**
   * What one processor of a device sees: memories and algorithms without a {@code Pname} or with
   * its own.
   */
  public record Target(Device device, Optional<String> pname) {
    public Target {
      Objects.requireNonNull(device, "device");
      Objects.requireNonNull(pname, "pname");
    }

    public List<Memory> memories() {
      return device.memories().stream().filter(m -> applies(m.pname())).toList();
    }

    public List<Algorithm> algorithms() {
      return device.algorithms().stream().filter(a -> applies(a.pname())).toList();
    }

    public Optional<Processor> processor() {
      return device.processors().stream().filter(p -> p.name().equals(pname)).findFirst();
    }

    private boolean applies(Optional<String> of) {
      return of.isEmpty() || pname.isEmpty() || of.equals(pname);
    }
  }
}
