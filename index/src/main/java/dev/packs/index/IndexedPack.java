package dev.packs.index;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the device database knows about one descriptor without reading its devices in full: the
 * pack, the names of its devices and boards, and the fingerprint that tells whether it changed.
 *
 * @param error why the descriptor could not be read; it then provides no devices until it changes
 */
public record IndexedPack(
    PackSource source,
    long size,
    long modified,
    String vendor,
    String name,
    Optional<Version> version,
    List<DeviceName> devices,
    List<BoardName> boards,
    Optional<String> error) {

  public IndexedPack {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(vendor, "vendor");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(error, "error");
    devices = List.copyOf(devices);
    boards = List.copyOf(boards);
  }

  /** The summary of a descriptor that was read. */
  public static IndexedPack of(
      PackSource source, long size, long modified, PackDescriptor pdsc, List<Device> devices) {
    return new IndexedPack(
        source, size, modified, pdsc.vendor(), pdsc.name(), pdsc.version(),
        devices.stream().map(d -> new DeviceName(d.name(), d.vendor())).toList(),
        pdsc.boards().stream()
            .map(b -> new BoardName(b.name(), b.vendor(),
                b.mountedDevices().stream().map(PackDescriptor.BoardDevice::name).toList()))
            .toList(),
        Optional.empty());
  }

  /** {@code Vendor.Name.Version}, or {@code Vendor.Name} without a release. */
  public String displayName() {
    return vendor + "." + name + version.map(v -> "." + v).orElse("");
  }

  public boolean installed() {
    return source.origin().installed();
  }

  /** A device or variant this pack provides. */
  public record DeviceName(String name, String vendor) {
    public DeviceName {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(vendor, "vendor");
    }
  }

  /** A board this pack describes, with the devices mounted on it. */
  public record BoardName(String name, String vendor, List<String> mountedDevices) {
    public BoardName {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(vendor, "vendor");
      mountedDevices = List.copyOf(mountedDevices);
    }
  }
}
