package dev.packs.probe.internal.dap;

import java.nio.ByteBuffer;

/** DAP_SWJ_Clock (0x11): the SWD clock in Hz (0 is refused). */
public record SwjClock(int hertz) implements DapCommand<Void> {
  public static final int ID = 0x11;

  public SwjClock {
    if (hertz <= 0) {
      throw new IllegalArgumentException("the SWD clock must be positive: " + hertz);
    }
  }

  @Override
  public int id() {
    return ID;
  }

  @Override
  public String name() {
    return "DAP_SWJ_Clock";
  }

  @Override
  public int requestLength() {
    return 5;
  }

  @Override
  public int maxResponseLength() {
    return 2;
  }

  @Override
  public void encode(ByteBuffer out) {
    out.put((byte) ID).putInt(hertz);
  }

  @Override
  public Void decode(ByteBuffer in) {
    expectId(in);
    expectOk(in);
    return null;
  }
}
