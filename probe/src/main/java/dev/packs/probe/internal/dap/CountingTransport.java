package dev.packs.probe.internal.dap;

import dev.packs.probe.ProbeTransport;
import dev.packs.probe.UsbCounters;

/**
 * Counts what crosses a CMSIS-DAP transport. Every request packet gets one response packet, so the
 * packets in flight are known; a read that leaves none in flight is a blocking wait: the probe now
 * idles until the host sends more.
 */
final class CountingTransport implements ProbeTransport {
  private final ProbeTransport transport;
  private int packetSize;
  private long packetsOut;
  private long packetsIn;
  private long bytesOut;
  private long bytesIn;
  private long waits;

  CountingTransport(ProbeTransport transport) {
    this.transport = transport;
    this.packetSize = transport.packetSize();
  }

  /** The DAP packet size agreed with the probe, which may be below the transport's. */
  void packetSize(int size) {
    this.packetSize = size;
  }

  @Override
  public int packetSize() {
    return transport.packetSize();
  }

  @Override
  public void agreePacketSize(int size) {
    transport.agreePacketSize(size);
  }

  @Override
  public void write(byte[] packet, int length) {
    transport.write(packet, length);
    packetsOut++;
    bytesOut += length;
  }

  @Override
  public int read(byte[] buffer) {
    int length = transport.read(buffer);
    packetsIn++;
    bytesIn += length;
    if (packetsIn >= packetsOut) {
      waits++;
    }
    return length;
  }

  UsbCounters counters() {
    return new UsbCounters(packetSize, packetsOut, packetsIn, bytesOut, bytesIn, waits);
  }

  /** Forgets the packets that will never be answered (a response the probe lost). */
  void forgetInFlight() {
    packetsIn = Math.max(packetsIn, packetsOut);
  }

  @Override
  public void close() {
    transport.close();
  }
}
