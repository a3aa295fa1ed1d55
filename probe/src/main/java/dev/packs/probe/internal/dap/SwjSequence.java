package dev.packs.probe.internal.dap;

import java.nio.ByteBuffer;
import java.util.Arrays;

/** DAP_SWJ_Sequence (0x12): clocks up to 256 bits out on SWDIO/TMS, LSB first. */
public record SwjSequence(int bits, byte[] data) implements DapCommand<Void> {
  public static final int ID = 0x12;

  public SwjSequence {
    if (bits < 1 || bits > 256) {
      throw new IllegalArgumentException("an SWJ sequence has 1 to 256 bits: " + bits);
    }
    if (data.length != (bits + 7) / 8) {
      throw new IllegalArgumentException(bits + " bits need " + (bits + 7) / 8 + " bytes, not " + data.length);
    }
    data = data.clone();
  }

  @Override
  public byte[] data() {
    return data.clone();
  }

  @Override
  public int id() {
    return ID;
  }

  @Override
  public String name() {
    return "DAP_SWJ_Sequence";
  }

  @Override
  public int requestLength() {
    return 2 + data.length;
  }

  @Override
  public int maxResponseLength() {
    return 2;
  }

  @Override
  public void encode(ByteBuffer out) {
    out.put((byte) ID).put((byte) (bits == 256 ? 0 : bits)).put(data);
  }

  @Override
  public Void decode(ByteBuffer in) {
    expectId(in);
    expectOk(in);
    return null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SwjSequence s && s.bits == bits && Arrays.equals(s.data, data);
  }

  @Override
  public int hashCode() {
    return 31 * bits + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "SwjSequence[bits=" + bits + ", data=" + Arrays.toString(data) + "]";
  }
}
