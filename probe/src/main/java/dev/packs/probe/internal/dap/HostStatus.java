package dev.packs.probe.internal.dap;

import java.nio.ByteBuffer;

/** DAP_HostStatus (0x01): lights the probe's CONNECT or RUNNING LED. */
public record HostStatus(int type, boolean on) implements DapCommand<Void> {
  public static final int ID = 0x01;
  public static final int CONNECT = 0;
  public static final int RUNNING = 1;

  @Override
  public int id() {
    return ID;
  }

  @Override
  public String name() {
    return "DAP_HostStatus";
  }

  @Override
  public int requestLength() {
    return 3;
  }

  @Override
  public int maxResponseLength() {
    return 2;
  }

  @Override
  public void encode(ByteBuffer out) {
    out.put((byte) ID).put((byte) type).put((byte) (on ? 1 : 0));
  }

  @Override
  public Void decode(ByteBuffer in) {
    expectId(in);
    expectOk(in);
    return null;
  }
}
