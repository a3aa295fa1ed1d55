package dev.packs.emulator.internal.machine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A set of address ranges {start, size} (64-bit, so the top of the 4 GiB space is exact). */
final class Spans {
  private final List<long[]> spans = new ArrayList<>();

  void add(long start, long size) {
    if (size > 0) {
      spans.add(new long[] {start, size});
    }
  }

  boolean isEmpty() {
    return spans.isEmpty();
  }

  /** The spans with overlapping or touching ones joined, in address order. */
  List<long[]> merged() {
    List<long[]> sorted = new ArrayList<>(spans);
    sorted.sort(Comparator.comparingLong(s -> s[0]));
    List<long[]> out = new ArrayList<>();
    for (long[] s : sorted) {
      long[] last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && s[0] <= last[0] + last[1]) {
        last[1] = Math.max(last[1], s[0] + s[1] - last[0]);
      } else {
        out.add(new long[] {s[0], s[1]});
      }
    }
    return out;
  }

  /** The parts of {@code [start, start + size)} no span covers, in address order. */
  List<long[]> free(long start, long size) {
    List<long[]> out = new ArrayList<>();
    long at = start;
    long end = start + size;
    for (long[] s : merged()) {
      long sEnd = s[0] + s[1];
      if (sEnd <= at || s[0] >= end) {
        continue;
      }
      if (s[0] > at) {
        out.add(new long[] {at, s[0] - at});
      }
      at = Math.max(at, sEnd);
      if (at >= end) {
        break;
      }
    }
    if (at < end) {
      out.add(new long[] {at, end - at});
    }
    return out;
  }
}
