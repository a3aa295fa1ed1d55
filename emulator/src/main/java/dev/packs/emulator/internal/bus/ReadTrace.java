package dev.packs.emulator.internal.bus;

import java.util.Optional;

/** The last reads the bus remembered, and which address among them a loop polled most. */
final class ReadTrace {
  private static final int RECENT = 256;
  private static final MemoryBus.ReadKind[] KINDS = MemoryBus.ReadKind.values();

  private final int[] addresses = new int[RECENT];
  private final byte[] kinds = new byte[RECENT];
  private int count;

  void remember(int address, MemoryBus.ReadKind kind) {
    int at = count++ % RECENT;
    addresses[at] = address;
    kinds[at] = (byte) kind.ordinal();
  }

  void forget() {
    count = 0;
  }

  /** The most-read address, peripherals and unmapped addresses first, then flash, then RAM. */
  Optional<MemoryBus.Polled> mostPolled() {
    int n = Math.min(count, RECENT);
    for (MemoryBus.ReadKind wanted : new MemoryBus.ReadKind[] {MemoryBus.ReadKind.PERIPHERAL,
        MemoryBus.ReadKind.FLASH, MemoryBus.ReadKind.RAM}) {
      int best = 0;
      int bestCount = 0;
      MemoryBus.ReadKind bestKind = wanted;
      for (int i = 0; i < n; i++) {
        MemoryBus.ReadKind kind = KINDS[kinds[i]];
        if (!matches(kind, wanted)) {
          continue;
        }
        int seen = 0;
        for (int j = 0; j < n; j++) {
          if (addresses[j] == addresses[i]) {
            seen++;
          }
        }
        if (seen > bestCount) {
          best = addresses[i];
          bestCount = seen;
          bestKind = kind;
        }
      }
      if (bestCount > 0) {
        return Optional.of(new MemoryBus.Polled(best, bestKind));
      }
    }
    return Optional.empty();
  }

  private static boolean matches(MemoryBus.ReadKind kind, MemoryBus.ReadKind wanted) {
    return kind == wanted
        || (wanted == MemoryBus.ReadKind.PERIPHERAL && kind == MemoryBus.ReadKind.UNMAPPED);
  }
}
