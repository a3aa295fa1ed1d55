package dev.packs.probe.internal.dap;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * DAP_TransferBlock (0x06): up to 65535 reads or writes of one DP/AP register (a DRW run), with one
 * request byte for all. The probe stops at the first failure and says how many it did.
 */
public final class TransferBlock implements DapCommand<TransferBlock.Result> {
  public static final int ID = 0x06;
  /** Request: ID, DAP index, count u16, request byte. */
  public static final int REQUEST_HEADER = 5;
  /** Response: ID, count u16, status. */
  public static final int RESPONSE_HEADER = 4;

  private final int request;
  private final int count;
  private final int[] words;

  private TransferBlock(int request, int count, int[] words) {
    if (count < 1 || count > 0xFFFF) {
      throw new IllegalArgumentException("a DAP_TransferBlock carries 1 to 65535 transfers: " + count);
    }
    if ((request & (TransferRequest.MATCH_VALUE | TransferRequest.MATCH_MASK)) != 0) {
      throw new IllegalArgumentException("DAP_TransferBlock has no value match");
    }
    this.request = request;
    this.count = count;
    this.words = words;
  }

  /** {@code count} reads of the register {@code request} names. */
  public static TransferBlock read(int request, int count) {
    if (!TransferRequest.isRead(request)) {
      throw new IllegalArgumentException("not a read request: " + request);
    }
    return new TransferBlock(request, count, new int[0]);
  }

  /** Writes of {@code words[at..at+count)} to the register {@code request} names. */
  public static TransferBlock write(int request, int[] words, int at, int count) {
    if (TransferRequest.isRead(request)) {
      throw new IllegalArgumentException("not a write request: " + request);
    }
    return new TransferBlock(request, count, Arrays.copyOfRange(words, at, at + count));
  }

  /** The answer: transfers done, status, and the words read. */
  public record Result(int done, TransferStatus status, int[] data) {}

  public int request() {
    return request;
  }

  public int count() {
    return count;
  }

  public boolean isRead() {
    return TransferRequest.isRead(request);
  }

  @Override
  public int id() {
    return ID;
  }

  @Override
  public String name() {
    return "DAP_TransferBlock";
  }

  @Override
  public int requestLength() {
    return REQUEST_HEADER + 4 * words.length;
  }

  @Override
  public int maxResponseLength() {
    return RESPONSE_HEADER + (isRead() ? 4 * count : 0);
  }

  @Override
  public void encode(ByteBuffer out) {
    out.put((byte) ID).put((byte) 0).putShort((short) count).put((byte) request);
    for (int word : words) {
      out.putInt(word);
    }
  }

  @Override
  public Result decode(ByteBuffer in) {
    expectId(in);
    need(in, 3);
    int done = in.getShort() & 0xFFFF;
    TransferStatus status = new TransferStatus(in.get() & 0xFF);
    if (done > count) {
      throw new dev.packs.probe.ProbeException.Protocol(name(),
          "the probe did " + done + " of " + count + " transfers");
    }
    int[] data = new int[isRead() ? done : 0];
    need(in, 4 * data.length);
    for (int i = 0; i < data.length; i++) {
      data[i] = in.getInt();
    }
    return new Result(done, status, data);
  }
}
