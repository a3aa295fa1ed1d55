package dev.packs.emulator;

import java.util.ArrayList;
import java.util.List;

/** A copy of the emulator's flash arrays at one moment, from {@link Emulator#flashImage()}. */
public final class FlashImage {
  private final List<byte[]> arrays;

  FlashImage(List<byte[]> arrays) {
    this.arrays = List.copyOf(arrays);
  }

  List<MemoryRange> diff(int index, byte[] now, long start, int pageSize) {
    byte[] then = arrays.get(index);
    List<MemoryRange> changed = new ArrayList<>();
    long runStart = -1;
    long runEnd = -1;
    for (int page = 0; page < now.length; page += pageSize) {
      int end = Math.min(now.length, page + pageSize);
      if (java.util.Arrays.equals(then, page, end, now, page, end)) {
        continue;
      }
      if (runEnd == start + page) {
        runEnd = start + end;
      } else {
        if (runStart >= 0) {
          changed.add(new MemoryRange(runStart, runEnd - runStart));
        }
        runStart = start + page;
        runEnd = start + end;
      }
    }
    if (runStart >= 0) {
      changed.add(new MemoryRange(runStart, runEnd - runStart));
    }
    return changed;
  }
}
