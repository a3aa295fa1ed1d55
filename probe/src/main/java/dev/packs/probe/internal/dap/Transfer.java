package dev.packs.probe.internal.dap;

import java.nio.ByteBuffer;

/**
 * DAP_Transfer (0x05): up to 255 DP/AP transfers, each a request byte plus a value for writes, match
 * values and match masks. The probe stops at the first failure and says how many it did.
 */
public final class Transfer implements DapCommand<Transfer.Result> {
  public static final int ID = 0x05;
  public static final int MAX_TRANSFERS = 255;
  /** ID, DAP index, count. */
  public static final int HEADER = 3;

  private final int[] requests;
  private final int[] values;
  private final int requestLength;
  private final int dataWords;

  /** {@code values[i]} is ignored for a plain read. */
  public Transfer(int[] requests, int[] values, int count) {
    if (count < 0 || count > MAX_TRANSFERS || requests.length < count || values.length < count) {
      throw new IllegalArgumentException("a DAP_Transfer carries 0 to 255 transfers: " + count);
    }
    this.requests = java.util.Arrays.copyOf(requests, count);
    this.values = java.util.Arrays.copyOf(values, count);
    int length = HEADER;
    int words = 0;
    for (int i = 0; i < count; i++) {
      length += TransferRequest.hasValue(requests[i]) ? 5 : 1;
      words += TransferRequest.returnsData(requests[i]) ? 1 : 0;
    }
    this.requestLength = length;
    this.dataWords = words;
  }

  /** The answer: how many transfers were done, the status, and the data words of the reads done. */
  public record Result(int done, TransferStatus status, int[] data) {}

  public int count() {
    return requests.length;
  }

  public int request(int index) {
    return requests[index];
  }

  public int value(int index) {
    return values[index];
  }

  @Override
  public int id() {
    return ID;
  }

  @Override
  public String name() {
    return "DAP_Transfer";
  }

  @Override
  public int requestLength() {
    return requestLength;
  }

  @Override
  public int maxResponseLength() {
    return HEADER + 4 * dataWords;
  }

  @Override
  public void encode(ByteBuffer out) {
    out.put((byte) ID).put((byte) 0).put((byte) requests.length);
    for (int i = 0; i < requests.length; i++) {
      out.put((byte) requests[i]);
      if (TransferRequest.hasValue(requests[i])) {
        out.putInt(values[i]);
      }
    }
  }

  @Override
  public Result decode(ByteBuffer in) {
    expectId(in);
    need(in, 2);
    int done = in.get() & 0xFF;
    TransferStatus status = new TransferStatus(in.get() & 0xFF);
    if (done > requests.length) {
      throw new dev.packs.probe.ProbeException.Protocol(name(),
          "the probe did " + done + " of " + requests.length + " transfers");
    }
    int[] data = new int[wordsReturned(done, status)];
    need(in, 4 * data.length);
    for (int i = 0; i < data.length; i++) {
      data[i] = in.getInt();
    }
    return new Result(done, status, data);
  }

  /**
   * The data words the firmware returns for {@code done} transfers: one per plain read, except that
   * after a failure the last posted AP read has no data (its value was to come with the next transfer).
   */
  int wordsReturned(int done, TransferStatus status) {
    int words = 0;
    for (int i = 0; i < done; i++) {
      words += TransferRequest.returnsData(requests[i]) ? 1 : 0;
    }
    if (status.ack() != dev.packs.probe.internal.arm.Ack.OK && done > 0
        && TransferRequest.isPostedRead(requests[done - 1])) {
      words--;
    }
    return words;
  }
}
