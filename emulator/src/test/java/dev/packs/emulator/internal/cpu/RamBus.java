package dev.packs.emulator.internal.cpu;

import java.util.ArrayList;
import java.util.List;

/**
 * A test bus of flat little-endian RAM regions; anything outside them is unmapped. It offers its
 * regions as direct windows, as the real bus does.
 */
final class RamBus implements Bus {
  private static final class Region {
    final int base;
    final byte[] bytes;
    final boolean writable;

    Region(int base, byte[] bytes, boolean writable) {
      this.base = base;
      this.bytes = bytes;
      this.writable = writable;
    }

    boolean contains(int address, int size) {
      long offset = (address & 0xFFFF_FFFFL) - (base & 0xFFFF_FFFFL);
      return offset >= 0 && offset + size <= bytes.length;
    }
  }

  private final List<Region> regions = new ArrayList<>();
  private Region last;

  RamBus map(int base, int size, boolean writable) {
    regions.add(new Region(base, new byte[size], writable));
    return this;
  }

  byte[] bytes(int base) {
    for (Region region : regions) {
      if (region.base == base) {
        return region.bytes;
      }
    }
    throw new IllegalArgumentException(String.format("no region at 0x%08X", base));
  }

  void load(int address, byte[] data) {
    Region region = find(address, data.length, false);
    System.arraycopy(data, 0, region.bytes, address - region.base, data.length);
  }

  private Region find(int address, int size, boolean write) {
    Region region = last;
    if (region != null && region.contains(address, size)) {
      return region;
    }
    for (Region candidate : regions) {
      if (candidate.contains(address, size)) {
        last = candidate;
        return candidate;
      }
    }
    throw new BusFault(BusFault.Kind.UNMAPPED, address, write, "");
  }

  /**
   * Each region as a window, read-only ones included, so the differential tests run the CPU's
   * direct memory path, the one the real bus takes for RAM and flash.
   */
  @Override
  public Window window(int address) {
    for (Region candidate : regions) {
      if (candidate.contains(address, 1)) {
        return new Window(candidate.base, candidate.bytes, candidate.writable);
      }
    }
    return null;
  }

  @Override
  public int read(int address, int size) {
    Region region = find(address, size, false);
    byte[] b = region.bytes;
    int i = address - region.base;
    return switch (size) {
      case 1 -> b[i] & 0xFF;
      case 2 -> (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8;
      default -> (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16 | b[i + 3] << 24;
    };
  }

  @Override
  public void write(int address, int size, int value) {
    Region region = find(address, size, true);
    if (!region.writable) {
      throw new BusFault(BusFault.Kind.READ_ONLY, address, true, "");
    }
    byte[] b = region.bytes;
    int i = address - region.base;
    for (int k = 0; k < size; k++) {
      b[i + k] = (byte) (value >>> (8 * k));
    }
  }
}
