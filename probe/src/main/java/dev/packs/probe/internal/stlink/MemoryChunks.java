package dev.packs.probe.internal.stlink;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a memory access into the commands an ST-Link accepts: an 8-bit head up to the first word
 * boundary, a 32-bit body, an 8-bit tail; no command longer than its firmware limit, and none that
 * crosses the MEM-AP's auto-increment window (TAR wraps there). Pure, so it is tested by value.
 */
final class MemoryChunks {
  /** One command's share: {@code offset} into the caller's buffer, 32-bit or 8-bit. */
  record Chunk(long address, int offset, int length, boolean wide) {}

  private MemoryChunks() {}

  static List<Chunk> plan(long address, int length, int window, int max32, int max8) {
    if (Integer.bitCount(window) != 1 || max32 % 4 != 0 || max32 <= 0 || max8 <= 0) {
      throw new IllegalArgumentException("bad limits " + window + "/" + max32 + "/" + max8);
    }
    List<Chunk> chunks = new ArrayList<>();
    long end = address + length;
    long bodyStart = Math.min(end, (address + 3) & ~3L);
    long bodyEnd = Math.max(bodyStart, end & ~3L);
    split(chunks, address, address, bodyStart, window, max8, false);
    split(chunks, address, bodyStart, bodyEnd, window, max32, true);
    split(chunks, address, bodyEnd, end, window, max8, false);
    return chunks;
  }

  private static void split(List<Chunk> chunks, long origin, long from, long to, int window,
      int max, boolean wide) {
    long at = from;
    while (at < to) {
      long windowEnd = (at & -(long) window) + window;
      int n = (int) Math.min(Math.min(to - at, max), windowEnd - at);
      chunks.add(new Chunk(at, (int) (at - origin), n, wide));
      at += n;
    }
  }
}
