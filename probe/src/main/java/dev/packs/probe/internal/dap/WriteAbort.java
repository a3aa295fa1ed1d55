package dev.packs.probe.internal.dap;

import java.nio.ByteBuffer;

/** DAP_WriteABORT (0x08): writes the DP ABORT register, even while a transfer is stuck in WAIT. */
public record WriteAbort(int value) implements DapCommand<Void> {
  public static final int ID = 0x08;

  @Override
  public int id() {
    return ID;
  }

  @Override
  public String name() {
    return "DAP_WriteABORT";
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
    out.put((byte) ID).put((byte) 0).putInt(value);
  }

  @Override
  public Void decode(ByteBuffer in) {
    expectId(in);
    expectOk(in);
    return null;
  }
}
