package dev.packs.probe.internal.dap;

import java.nio.ByteBuffer;

/**
 * DAP_TransferConfigure (0x04): idle cycles after each transfer, how often the probe retries a WAIT,
 * and how often it repeats a value-match read before answering "mismatch".
 */
public record TransferConfigure(int idleCycles, int waitRetry, int matchRetry)
    implements DapCommand<Void> {
  public static final int ID = 0x04;

  public TransferConfigure {
    if (idleCycles < 0 || idleCycles > 0xFF || waitRetry < 0 || waitRetry > 0xFFFF
        || matchRetry < 0 || matchRetry > 0xFFFF) {
      throw new IllegalArgumentException("TransferConfigure fields out of range");
    }
  }

  @Override
  public int id() {
    return ID;
  }

  @Override
  public String name() {
    return "DAP_TransferConfigure";
  }

  @Override
  public int requestLength() {
    return 6;
  }

  @Override
  public int maxResponseLength() {
    return 2;
  }

  @Override
  public void encode(ByteBuffer out) {
    out.put((byte) ID).put((byte) idleCycles).putShort((short) waitRetry).putShort((short) matchRetry);
  }

  @Override
  public Void decode(ByteBuffer in) {
    expectId(in);
    expectOk(in);
    return null;
  }
}
