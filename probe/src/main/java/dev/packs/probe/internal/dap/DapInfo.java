package dev.packs.probe.internal.dap;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** DAP_Info (0x00): one item of the probe's identity or capabilities; empty when it has none. */
public record DapInfo(int item) implements DapCommand<Optional<byte[]>> {
  public static final int ID = 0x00;
  public static final int VENDOR = 0x01;
  public static final int PRODUCT = 0x02;
  public static final int SERIAL = 0x03;
  public static final int PROTOCOL_VERSION = 0x04;
  public static final int TARGET_VENDOR = 0x05;
  public static final int TARGET_NAME = 0x06;
  public static final int FIRMWARE_VERSION = 0x09;
  public static final int CAPABILITIES = 0xF0;
  public static final int PACKET_COUNT = 0xFE;
  public static final int PACKET_SIZE = 0xFF;

  /** Capabilities byte 0, bit 0: SWD. */
  public static final int CAP_SWD = 1;
  /** Capabilities byte 0, bit 4: atomic commands (QueueCommands/ExecuteCommands). */
  public static final int CAP_ATOMIC = 1 << 4;

  public DapInfo {
    if (item < 0 || item > 0xFF) {
      throw new IllegalArgumentException("DAP_Info item is one byte: " + item);
    }
  }

  @Override
  public int id() {
    return ID;
  }

  @Override
  public String name() {
    return String.format("DAP_Info(0x%02X)", item);
  }

  @Override
  public int requestLength() {
    return 2;
  }

  @Override
  public int maxResponseLength() {
    return 2 + 255;
  }

  @Override
  public void encode(ByteBuffer out) {
    out.put((byte) ID).put((byte) item);
  }

  @Override
  public Optional<byte[]> decode(ByteBuffer in) {
    expectId(in);
    need(in, 1);
    int length = in.get() & 0xFF;
    need(in, length);
    byte[] data = new byte[length];
    in.get(data);
    return length == 0 ? Optional.empty() : Optional.of(data);
  }

  /** A string item (vendor, serial, versions): UTF-8, its NUL and anything after it dropped. */
  public static String text(Optional<byte[]> value) {
    return value.map(bytes -> {
      int end = 0;
      while (end < bytes.length && bytes[end] != 0) {
        end++;
      }
      return new String(bytes, 0, end, StandardCharsets.UTF_8).strip();
    }).orElse("");
  }

  /** A number item (packet size u16, packet count u8, capabilities): little-endian, 0 when absent. */
  public static int number(Optional<byte[]> value) {
    return value.map(bytes -> {
      int n = 0;
      for (int i = Math.min(bytes.length, 4) - 1; i >= 0; i--) {
        n = (n << 8) | (bytes[i] & 0xFF);
      }
      return n;
    }).orElse(0);
  }
}
