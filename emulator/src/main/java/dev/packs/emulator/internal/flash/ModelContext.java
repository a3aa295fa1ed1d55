package dev.packs.emulator.internal.flash;

import dev.packs.emulator.DeviceMemory;
import dev.packs.emulator.FlashRegion;
import dev.packs.emulator.internal.bus.FlashArray;
import dev.packs.emulator.internal.bus.SectorTable;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a flash model is installed for: the flash regions the caller asked for (the algorithm's
 * FlashDevice, with its sector runs), the device name, the descriptor's memories and how many status
 * polls an operation stays busy.
 */
public record ModelContext(List<FlashRegion> regions, String device, List<DeviceMemory> memories,
    int busyPolls) {
  public ModelContext {
    regions = List.copyOf(regions);
    memories = List.copyOf(memories);
  }

  /** The device name in upper case, for prefix tests. */
  String upperDevice() {
    return device.toUpperCase(Locale.ROOT);
  }

  /** The requested region that starts inside {@code [start, start + span)}, if any. */
  Optional<FlashRegion> regionIn(long start, long span) {
    return regions.stream().filter(r -> r.start() >= start && r.start() < start + span).findFirst();
  }

  /**
   * The size of the flash at {@code start}: the larger of a requested region there and the
   * descriptor's read-only memory there (an algorithm may cover only part of the chip).
   */
  Optional<Long> sizeAt(long start) {
    Optional<Long> region = regions.stream().filter(r -> r.start() == start)
        .map(FlashRegion::size).findFirst();
    Optional<Long> memory = memories.stream().filter(m -> m.start() == start && !m.writable())
        .map(DeviceMemory::size).findFirst();
    if (region.isPresent() && memory.isPresent()) {
      return Optional.of(Math.max(region.get(), memory.get()));
    }
    return region.or(() -> memory);
  }

  /** The device's RAM in KiB, as its writable memories add up (20 when none is known). */
  int ramKib() {
    long bytes = memories.stream().filter(DeviceMemory::writable).mapToLong(DeviceMemory::size)
        .sum();
    return bytes == 0 ? 20 : (int) Math.min(0xFFFF, bytes / 1024);
  }

  /** An erased array at {@code start} with the sectors of the requested region there, else uniform ones. */
  FlashArray array(long start, long size, int erasedValue, int defaultSector) {
    Optional<FlashRegion> region = regions.stream()
        .filter(r -> r.start() == start && r.size() == size).findFirst();
    SectorTable sectors = region.map(ModelContext::sectors)
        .orElseGet(() -> SectorTable.uniform((int) size, Math.min(defaultSector, (int) size)));
    return new FlashArray((int) start, (int) size, erasedValue, sectors);
  }

  /** An erased array for a requested region, with its sector runs. */
  static FlashArray array(FlashRegion region) {
    return new FlashArray((int) region.start(), (int) region.size(), region.erasedValue(),
        sectors(region));
  }

  static SectorTable sectors(FlashRegion region) {
    return SectorTable.of((int) region.size(), region.sectors().stream()
        .map(r -> new SectorTable.Run((int) r.offset(), (int) r.sectorSize())).toList());
  }
}
