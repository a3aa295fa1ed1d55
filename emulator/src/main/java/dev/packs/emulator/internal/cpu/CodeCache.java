package dev.packs.emulator.internal.cpu;

import java.util.Arrays;

/**
 * Remembers fetched instruction halfwords so the hot loop does not go through the bus for every
 * fetch. Direct-mapped, 64 slots of 512-byte pages. Memory changes only by the CPU's own writes
 * during a run: a write to a cached page drops that page, a write outside the code and SRAM regions
 * (0x40000000 and up: peripherals such as a flash controller that may rewrite flash) drops
 * everything, and {@link Cpu#run} starts with an empty cache since a debugger may have written
 * memory in between.
 */
final class CodeCache {
  private static final int SLOTS = 64;
  private static final int PAGE_SHIFT = 9;
  private static final int HALFWORDS = 1 << (PAGE_SHIFT - 1);

  private final int[] tags = new int[SLOTS];
  private final int[][] pages = new int[SLOTS][];

  CodeCache() {
    invalidateAll();
  }

  /** The cached halfword at {@code address}, or -1 when it has not been fetched. */
  int get(int address) {
    int page = address >>> PAGE_SHIFT;
    int slot = page & (SLOTS - 1);
    if (tags[slot] != page) {
      return -1;
    }
    return pages[slot][(address >>> 1) & (HALFWORDS - 1)];
  }

  /** The slot array holding {@code address}'s page, or null when that page is not cached. */
  int[] page(int address) {
    int page = address >>> PAGE_SHIFT;
    int slot = page & (SLOTS - 1);
    return tags[slot] == page ? pages[slot] : null;
  }

  void put(int address, int halfword) {
    int page = address >>> PAGE_SHIFT;
    int slot = page & (SLOTS - 1);
    int[] data = pages[slot];
    if (data == null) {
      data = new int[HALFWORDS];
      pages[slot] = data;
    }
    if (tags[slot] != page) {
      Arrays.fill(data, -1);
      tags[slot] = page;
    }
    data[(address >>> 1) & (HALFWORDS - 1)] = halfword;
  }

  /** Called before every CPU write. */
  void written(int address) {
    if ((address & 0xC000_0000) != 0) {
      invalidateAll();
      return;
    }
    int page = address >>> PAGE_SHIFT;
    int slot = page & (SLOTS - 1);
    if (tags[slot] == page) {
      tags[slot] = -1;
    }
  }

  void invalidateAll() {
    Arrays.fill(tags, -1);
  }
}
