package dev.packs.probe.internal.arm;

/**
 * Queued SWD register transfers, the way a probe batches them: each call only queues; results land
 * in the caller's arrays when {@link #flush()} returns. A failed transfer makes {@code flush} throw
 * {@link TransferError} after the probe has been brought back to a usable state (sticky errors
 * cleared, WAIT aborted); the caller then drops whatever it cached about DP and AP registers.
 */
public interface AdiTransfers {
  /** Queues a read of DP ({@code ap == false}) or AP register A[3:2] = {@code address}; stores into {@code into[at]}. */
  void read(boolean ap, int address, int[] into, int at, Origin origin);

  void write(boolean ap, int address, int value, Origin origin);

  /**
   * Queues a read that the probe repeats until {@code (value & mask) == expected} or its retries
   * run out; {@code matched[at]} tells which. Transfers queued after it in the same group run only
   * when it matched.
   */
  void readUntil(boolean ap, int address, int mask, int expected, boolean[] matched, int at,
      Origin origin);

  /** Queues {@code count} reads of one register (a DRW run) into {@code into[at..]}. */
  void readBlock(boolean ap, int address, int[] into, int at, int count, Origin origin);

  /** Queues {@code count} writes of one register (a DRW run) from {@code words[at..]}. */
  void writeBlock(boolean ap, int address, int[] words, int at, int count, Origin origin);

  /**
   * Keeps the single transfers queued until {@link #endGroup()} in one probe command, so that a
   * failed {@link #readUntil} stops all of them. A group holds at most {@link #maxGroup()} transfers.
   */
  void beginGroup();

  void endGroup();

  /** Sends everything queued and waits for every answer. */
  void flush();

  /** Drives {@code bits} bits of {@code data} (LSB first) on SWDIO: line resets, JTAG-to-SWD. */
  void sequence(int bits, byte[] data);

  /** The largest number of single transfers one probe command carries. */
  int maxGroup();
}
