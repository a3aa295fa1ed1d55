package dev.packs.probe.internal.dap;

import java.nio.ByteBuffer;

/** DAP_Disconnect (0x03): releases the debug port pins. */
public record Disconnect() implements DapCommand<Void> {
  public static final int ID = 0x03;

  @Override
  public int id() {
    return ID;
  }

  @Override
  public String name() {
    return "DAP_Disconnect";
  }

  @Override
  public int requestLength() {
    return 1;
  }

  @Override
  public int maxResponseLength() {
    return 2;
  }

  @Override
  public void encode(ByteBuffer out) {
    out.put((byte) ID);
  }

  @Override
  public Void decode(ByteBuffer in) {
    expectId(in);
    expectOk(in);
    return null;
  }
}
