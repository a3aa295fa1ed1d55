package dev.packs.probe.internal.dap;

import dev.packs.probe.ProbeException;
import java.nio.ByteBuffer;

/** DAP_Connect (0x02): selects the wire protocol; always asks for SWD explicitly (some probes refuse 0). */
public record Connect(int port) implements DapCommand<Integer> {
  public static final int ID = 0x02;
  public static final int DEFAULT = 0;
  public static final int SWD = 1;
  public static final int JTAG = 2;

  @Override
  public int id() {
    return ID;
  }

  @Override
  public String name() {
    return "DAP_Connect";
  }

  @Override
  public int requestLength() {
    return 2;
  }

  @Override
  public int maxResponseLength() {
    return 2;
  }

  @Override
  public void encode(ByteBuffer out) {
    out.put((byte) ID).put((byte) port);
  }

  /** The port the probe now uses; fails when it connected none. */
  @Override
  public Integer decode(ByteBuffer in) {
    expectId(in);
    need(in, 1);
    int connected = in.get() & 0xFF;
    if (connected == 0 || (port != DEFAULT && connected != port)) {
      throw new ProbeException.Unsupported("the probe cannot use " + (port == JTAG ? "JTAG" : "SWD"));
    }
    return connected;
  }
}
