package dev.packs.probe.internal.dap;

import java.nio.ByteBuffer;

/** DAP_SWD_Configure (0x13): turnaround period (1 to 4 cycles) and whether WAIT/FAULT still have a data phase. */
public record SwdConfigure(int turnaround, boolean dataPhase) implements DapCommand<Void> {
  public static final int ID = 0x13;

  public SwdConfigure {
    if (turnaround < 1 || turnaround > 4) {
      throw new IllegalArgumentException("SWD turnaround is 1 to 4 cycles: " + turnaround);
    }
  }

  @Override
  public int id() {
    return ID;
  }

  @Override
  public String name() {
    return "DAP_SWD_Configure";
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
    out.put((byte) ID).put((byte) ((turnaround - 1) | (dataPhase ? 4 : 0)));
  }

  @Override
  public Void decode(ByteBuffer in) {
    expectId(in);
    expectOk(in);
    return null;
  }
}
