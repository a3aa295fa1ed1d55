package dev.packs.probe;

/**
 * One USB packet each way: a bulk transfer pair (CMSIS-DAP v2, ST-Link), a HID report pair (CMSIS-DAP
 * v1), or an in-process virtual probe that decodes the same bytes. A protocol may write several
 * packets before it reads their answers, in order, up to what the probe buffers. Not thread-safe.
 */
public interface ProbeTransport extends AutoCloseable {
  /**
   * The largest packet either way, in bytes: the HID report size, the virtual probe's packet size;
   * a bulk transport carries any size the protocol agrees on.
   */
  int packetSize();

  /**
   * Tells the transport the packet size the protocol agreed with the probe. A bulk transport then
   * ends a shorter write that fills whole USB packets with a zero-length packet, as CMSIS-DAP v2
   * needs. Does nothing by default.
   */
  default void agreePacketSize(int size) {}

  /** Sends {@code length} bytes of {@code packet} as one USB packet. */
  void write(byte[] packet, int length);

  /**
   * Receives the next packet into {@code buffer} and returns its length; a bulk transport asks for
   * at most {@code buffer.length} bytes, a HID transport drops what does not fit. Throws {@link
   * ProbeException.Timeout} when none comes in time.
   */
  int read(byte[] buffer);

  /** Releases the USB interface; never throws. */
  @Override
  void close();
}
