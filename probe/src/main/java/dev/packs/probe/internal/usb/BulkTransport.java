package dev.packs.probe.internal.usb;

import dev.packs.probe.ProbeException;
import dev.packs.probe.ProbeTransport;

/**
 * CMSIS-DAP v2: one bulk transfer per packet each way. Writes are exactly as long as the packet; a
 * write shorter than the agreed packet size that fills whole USB packets gets a zero-length packet
 * so that the probe sees where it ends. Reads ask for at most the buffer's length.
 */
public final class BulkTransport implements ProbeTransport {
  /** The largest CMSIS-DAP packet size. */
  private static final int MAX_PACKET = 32768;

  private final UsbBus.BulkPipe pipe;
  private final String name;
  private final int timeoutMillis;
  private int agreed = MAX_PACKET;

  public BulkTransport(UsbBus.BulkPipe pipe, String name, int timeoutMillis) {
    this.pipe = pipe;
    this.name = name;
    this.timeoutMillis = timeoutMillis;
  }

  @Override
  public int packetSize() {
    return MAX_PACKET;
  }

  @Override
  public void agreePacketSize(int size) {
    this.agreed = size;
  }

  @Override
  public void write(byte[] packet, int length) {
    int sent = pipe.write(packet, length, timeoutMillis);
    if (sent != length) {
      throw new ProbeException.Usb(name, "sent " + sent + " of " + length + " bytes", null);
    }
    if (length < agreed && length % pipe.maxPacketSize() == 0) {
      pipe.write(packet, 0, timeoutMillis);
    }
  }

  @Override
  public int read(byte[] buffer) {
    int n = pipe.read(buffer, timeoutMillis);
    if (n < 0) {
      throw new ProbeException.Timeout(name + ": waiting " + timeoutMillis + " ms for the probe's answer");
    }
    return n;
  }

  /** Reads and drops answers a previous session left in the probe (each read waits 10 ms at most). */
  public void drain() {
    byte[] stale = new byte[MAX_PACKET];
    for (int i = 0; i < 64 && pipe.read(stale, 10) >= 0; i++) {
      // dropped
    }
  }

  @Override
  public void close() {
    pipe.close();
  }
}
