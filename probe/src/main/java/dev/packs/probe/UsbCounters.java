package dev.packs.probe;

/**
 * What a probe connection cost on the wire: USB packets and bytes each way, and the blocking waits,
 * the times the host had to wait for an answer with nothing left in flight (a full round trip that
 * pipelining could not hide).
 */
public record UsbCounters(int packetSize, long packetsOut, long packetsIn, long bytesOut,
    long bytesIn, long waits) {
  public UsbCounters {
    if (packetSize < 0 || packetsOut < 0 || packetsIn < 0 || bytesOut < 0 || bytesIn < 0
        || waits < 0) {
      throw new IllegalArgumentException("USB counters are never negative");
    }
  }

  /** What happened since {@code before}, a snapshot of the same connection. */
  public UsbCounters minus(UsbCounters before) {
    return new UsbCounters(packetSize, packetsOut - before.packetsOut,
        packetsIn - before.packetsIn, bytesOut - before.bytesOut, bytesIn - before.bytesIn,
        waits - before.waits);
  }
}
