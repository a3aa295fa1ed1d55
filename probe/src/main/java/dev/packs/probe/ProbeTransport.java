package dev.packs.probe;

/**
 * One USB packet each way: a bulk transfer pair (CMSIS-DAP v2, ST-Link), a HID report pair (CMSIS-DAP
 * v1), or an in-process virtual probe that decodes the same bytes. A protocol may write several
 * packets before it reads their answers, in order, up to what the probe buffers. Not thread-safe.
 */
public interface ProbeTransport extends AutoCloseable {
  /** The largest packet either way, in bytes (the CMSIS-DAP packet size, the HID report size). */
  int packetSize();

  /** Sends {@code length} bytes of {@code packet} as one USB packet. */
  void write(byte[] packet, int length);

  /**
   * Receives the next packet into {@code buffer} (at least {@link #packetSize()} long) and returns
   * its length; throws {@link ProbeException.Timeout} when none comes in time.
   */
  int read(byte[] buffer);

  /** Releases the USB interface; never throws. */
  @Override
  void close();
}
