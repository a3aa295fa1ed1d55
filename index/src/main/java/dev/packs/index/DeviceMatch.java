package dev.packs.index;

import java.util.List;
import java.util.Objects;

/**
 * One hit of {@link DeviceCatalog#find}: a device, variant or board in one pack.
 *
 * @param mountedDevices for a board, the devices on it
 * @param rank 0 for an exact match, 1 for a prefix or glob match, 2 for a substring
 */
public record DeviceMatch(
    String name, Kind kind, String vendor, IndexedPack pack, List<String> mountedDevices, int rank) {
  public DeviceMatch {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(vendor, "vendor");
    Objects.requireNonNull(pack, "pack");
    mountedDevices = List.copyOf(mountedDevices);
  }

  /** What matched. */
  public enum Kind {
    DEVICE,
    BOARD
  }
}
