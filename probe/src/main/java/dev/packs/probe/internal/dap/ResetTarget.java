package dev.packs.probe.internal.dap;

import java.nio.ByteBuffer;

/**
 * DAP_ResetTarget (0x0A): runs the probe's device-specific reset sequence; the answer says whether
 * the probe has one (most do not, and then nothing happened).
 */
public record ResetTarget() implements DapCommand<Boolean> {
  public static final int ID = 0x0A;

  @Override
  public int id() {
    return ID;
  }

  @Override
  public String name() {
    return "DAP_ResetTarget";
  }

  @Override
  public int requestLength() {
    return 1;
  }

  @Override
  public int maxResponseLength() {
    return 3;
  }

  @Override
  public void encode(ByteBuffer out) {
    out.put((byte) ID);
  }

  /** True when the probe ran a device-specific reset sequence. */
  @Override
  public Boolean decode(ByteBuffer in) {
    expectId(in);
    expectOk(in);
    need(in, 1);
    return in.get() == 1;
  }
}
