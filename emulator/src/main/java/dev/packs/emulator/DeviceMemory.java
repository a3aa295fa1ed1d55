package dev.packs.emulator;

import java.util.Objects;

/**
 * One {@code <memory>} of a device descriptor, as the emulator takes it: writable memories become
 * RAM, the others read-only flash, both clipped around what the emulator models itself (flash
 * arrays and controllers, their companion blocks, the system control space).
 */
public record DeviceMemory(String name, long start, long size, boolean writable) {
  public DeviceMemory {
    Objects.requireNonNull(name, "name");
    Regions.check(start, size);
  }

  public long end() {
    return start + size;
  }
}
