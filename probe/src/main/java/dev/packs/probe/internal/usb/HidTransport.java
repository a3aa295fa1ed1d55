package dev.packs.probe.internal.usb;

import dev.packs.probe.ProbeException;
import dev.packs.probe.ProbeTransport;
import java.util.Arrays;

/**
 * CMSIS-DAP v1: one HID report per packet each way, always the full report size (zero-padded), as
 * Windows and macOS hidapi need.
 */
public final class HidTransport implements ProbeTransport {
  private final HidBus.HidPipe pipe;
  private final String name;
  private final int timeoutMillis;
  private final byte[] report;

  public HidTransport(HidBus.HidPipe pipe, String name, int timeoutMillis) {
    this.pipe = pipe;
    this.name = name;
    this.timeoutMillis = timeoutMillis;
    this.report = new byte[pipe.reportSize()];
  }

  @Override
  public int packetSize() {
    return report.length;
  }

  @Override
  public void write(byte[] packet, int length) {
    if (length > report.length) {
      throw new IllegalArgumentException(length + " bytes do not fit a " + report.length + "-byte report");
    }
    System.arraycopy(packet, 0, report, 0, length);
    Arrays.fill(report, length, report.length, (byte) 0);
    pipe.write(report);
  }

  @Override
  public int read(byte[] buffer) {
    byte[] in = new byte[report.length];
    int n = pipe.read(in, timeoutMillis);
    if (n <= 0) {
      throw new ProbeException.Timeout(name + ": waiting " + timeoutMillis + " ms for the probe's report");
    }
    int copied = Math.min(n, buffer.length);
    System.arraycopy(in, 0, buffer, 0, copied);
    return copied;
  }

  /** Reads and drops reports a previous session left unread (each read waits 10 ms at most). */
  public void drain() {
    byte[] stale = new byte[report.length];
    for (int i = 0; i < 64 && pipe.read(stale, 10) > 0; i++) {
      // dropped
    }
  }

  /** macOS hidapi keeps at most 30 input reports; more packets in flight lose answers (pyOCD#1257). */
  public static final int MAX_IN_FLIGHT = 30;

  @Override
  public void close() {
    pipe.close();
  }
}
