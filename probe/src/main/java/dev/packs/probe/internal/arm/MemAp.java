package dev.packs.probe.internal.arm;

import dev.packs.probe.ProbeException;
import dev.packs.target.MemoryAccessException;

/**
 * A MEM-AP (the AHB-AP of a Cortex-M): CSW and TAR are cached and written only when they change;
 * word runs use auto-increment and never cross the TAR wrap (1 KiB, 4 KiB on the M3/M4 AHB-AP);
 * bytes and halfwords use 8- and 16-bit accesses on their byte lanes; registers in one 16-byte
 * window go through the banked registers BD0-BD3, which do not move TAR.
 */
public final class MemAp {
  private final DebugPort dp;
  private final int ap;
  private int cswBase = Adi.CSW_AHB_DEFAULT | Adi.CSW_DEVICEEN;
  private int wrap = 1024;
  private int idr;
  /** Cached CSW and TAR, or -1 when unknown. */
  private long csw = -1;
  private long tar = -1;

  public MemAp(DebugPort dp, int ap) {
    this.dp = dp;
    this.ap = ap;
  }

  /** Reads IDR and CSW, and from them the TAR wrap and the CSW bits to keep. */
  public void init() {
    int[] regs = new int[2];
    dp.apRead(ap, Adi.AP_IDR, regs, 0, Origin.register("AP read IDR", Adi.AP_IDR));
    dp.apRead(ap, Adi.AP_CSW, regs, 1, Origin.register("AP read CSW", Adi.AP_CSW));
    dp.transfers().flush();
    idr = regs[0];
    if (!Adi.isMemAp(idr)) {
      throw new ProbeException.Unsupported(String.format("AP %d is not a MEM-AP (IDR 0x%08X)", ap, idr));
    }
    wrap = Adi.wrap(idr);
    // Keep the implementation-defined bits (HPROT, SPROT, DbgSwEnable) the AP reset to.
    cswBase = (regs[1] & 0xFF00_0000) | Adi.CSW_AHB_DEFAULT | Adi.CSW_DEVICEEN;
    csw = regs[1] & 0xFFFF_FFFFL;
  }

  public int idr() {
    return idr;
  }

  /** The auto-increment window: a run never crosses a multiple of it. */
  public int wrap() {
    return wrap;
  }

  /** Forgets CSW and TAR, after a failure or a reset left them unknown. */
  public void invalidate() {
    csw = -1;
    tar = -1;
    dp.invalidate();
  }

  private void csw(int size) {
    int value = cswBase | Adi.CSW_ADDRINC_SINGLE | size;
    if ((value & 0xFFFF_FFFFL) != csw) {
      dp.apWrite(ap, Adi.AP_CSW, value, Origin.register("AP write CSW", Adi.AP_CSW));
      csw = value & 0xFFFF_FFFFL;
    }
  }

  private void tar(long address) {
    if (address != tar) {
      dp.apWrite(ap, Adi.AP_TAR, (int) address, Origin.register("AP write TAR", address));
      tar = address;
    }
  }

  /** After an auto-incrementing access: TAR moved on, within the window. */
  private void advance(long address, int bytes) {
    long next = address + bytes;
    tar = next % wrap == 0 ? -1 : next;
  }

  /** Queues writes of {@code data} to {@code address}: bytes up to a word boundary, word runs, then bytes. */
  public void write(long address, byte[] data) {
    int i = 0;
    while (i < data.length && ((address + i) & 3) != 0) {
      i += writePiece(address + i, data, i);
    }
    int words = (data.length - i) / 4;
    if (words > 0) {
      int[] w = new int[words];
      for (int k = 0; k < words; k++) {
        int o = i + 4 * k;
        w[k] = (data[o] & 0xFF) | (data[o + 1] & 0xFF) << 8 | (data[o + 2] & 0xFF) << 16
            | (data[o + 3] & 0xFF) << 24;
      }
      writeWords(address + i, w, 0, words);
      i += 4 * words;
    }
    while (i < data.length) {
      i += writePiece(address + i, data, i);
    }
  }

  /** Writes a halfword where one is aligned and left, else a byte; returns the bytes written. */
  private int writePiece(long address, byte[] data, int i) {
    if ((address & 1) == 0 && data.length - i >= 2) {
      writeSmall(address, 2, (data[i] & 0xFF) | (data[i + 1] & 0xFF) << 8);
      return 2;
    }
    writeSmall(address, 1, data[i] & 0xFF);
    return 1;
  }

  /** Queues word writes, one DRW run per wrap window. */
  public void writeWords(long address, int[] words, int at, int count) {
    csw(Adi.CSW_SIZE32);
    int done = 0;
    while (done < count) {
      long start = address + 4L * done;
      int n = (int) Math.min(count - done, (wrap - start % wrap) / 4);
      tar(start);
      dp.select(ap, Adi.AP_DRW);
      dp.transfers().writeBlock(true, Adi.AP_DRW, words, at + done, n, memory(start, 4, true));
      advance(start, 4 * n);
      done += n;
    }
  }

  /** Queues one aligned 8-, 16- or 32-bit write. */
  public void writeSmall(long address, int bytes, int value) {
    csw(size(bytes));
    tar(address);
    int lane = (int) (address & 3) * 8;
    dp.apWrite(ap, Adi.AP_DRW, value << lane, memory(address, bytes, true));
    advance(address, bytes);
  }

  /** Queues reads of {@code length} bytes; {@link PendingRead#bytes()} has them after the flush. */
  public PendingRead read(long address, int length) {
    PendingRead pending = new PendingRead(address, length);
    int i = 0;
    while (i < length && ((address + i) & 3) != 0) {
      i += readPiece(address + i, length - i, pending, i);
    }
    int words = (length - i) / 4;
    pending.firstWord = i;
    pending.wordCount = words;
    if (words > 0) {
      readWords(address + i, pending.words, i, words);
    }
    for (i += 4 * words; i < length; ) {
      i += readPiece(address + i, length - i, pending, i);
    }
    return pending;
  }

  private int readPiece(long address, int left, PendingRead pending, int i) {
    int bytes = (address & 1) == 0 && left >= 2 ? 2 : 1;
    readSmall(address, bytes, pending.words, i);
    for (int k = 0; k < bytes; k++) {
      pending.slot[i + k] = i;
    }
    return bytes;
  }

  /** Queues word reads into {@code into[at..]}, one DRW run per wrap window. */
  public void readWords(long address, int[] into, int at, int count) {
    csw(Adi.CSW_SIZE32);
    int done = 0;
    while (done < count) {
      long start = address + 4L * done;
      int n = (int) Math.min(count - done, (wrap - start % wrap) / 4);
      tar(start);
      dp.select(ap, Adi.AP_DRW);
      dp.transfers().readBlock(true, Adi.AP_DRW, into, at + done, n, memory(start, 4, false));
      advance(start, 4 * n);
      done += n;
    }
  }

  /** Queues one aligned 8-, 16- or 32-bit read; the value lands on its byte lane in {@code into[at]}. */
  public void readSmall(long address, int bytes, int[] into, int at) {
    csw(size(bytes));
    tar(address);
    dp.apRead(ap, Adi.AP_DRW, into, at, memory(address, bytes, false));
    advance(address, bytes);
  }

  /**
   * Points TAR at the 16-byte window holding {@code base}, for the banked registers; they use the
   * CSW size too, so it is set to 32 bits.
   */
  public void window(long base) {
    csw(Adi.CSW_SIZE32);
    tar(base & ~0xFL);
  }

  /** Queues a write of banked register BD{@code n} of the current window. */
  public void bankedWrite(int n, int value, Origin origin) {
    dp.apWrite(ap, Adi.AP_BD0 + 4 * n, value, origin);
  }

  public void bankedRead(int n, int[] into, int at, Origin origin) {
    dp.apRead(ap, Adi.AP_BD0 + 4 * n, into, at, origin);
  }

  /** Queues a read of BD{@code n} that the probe repeats until the masked value matches. */
  public void bankedReadUntil(int n, int mask, int expected, boolean[] matched, int at, Origin origin) {
    dp.select(ap, Adi.AP_BD0);
    dp.transfers().readUntil(true, (Adi.AP_BD0 + 4 * n) & 0xC, mask, expected, matched, at, origin);
  }

  private static int size(int bytes) {
    return switch (bytes) {
      case 1 -> Adi.CSW_SIZE8;
      case 2 -> Adi.CSW_SIZE16;
      case 4 -> Adi.CSW_SIZE32;
      default -> throw new IllegalArgumentException("an access is 1, 2 or 4 bytes: " + bytes);
    };
  }

  /** How a failed memory transfer reads: the address of element {@code index}. */
  static Origin memory(long base, int stride, boolean write) {
    return (ack, index) -> {
      long address = (base + (long) stride * index) & 0xFFFF_FFFFL;
      if (ack == Ack.FAULT) {
        return new MemoryAccessException(address, write, "the target's bus refused the access", null);
      }
      return new ProbeException.TransferFailed("memory " + (write ? "write" : "read"), address,
          ack.describe());
    };
  }

  /** Bytes being read: each queued read lands in its own slot until the flush. */
  public static final class PendingRead {
    private final long address;
    private final int[] words;
    private final int length;
    /** For a byte read on its own: the slot its access landed in. */
    private final int[] slot;
    private int firstWord;
    private int wordCount;

    PendingRead(long address, int length) {
      this.address = address;
      this.length = length;
      this.words = new int[Math.max(length, 1)];
      this.slot = new int[length];
    }

    /** The bytes, valid once the queue has been flushed. */
    public byte[] bytes() {
      byte[] out = new byte[length];
      for (int i = 0; i < length; i++) {
        if (i >= firstWord && i < firstWord + 4 * wordCount) {
          int word = words[firstWord + (i - firstWord) / 4];
          out[i] = (byte) (word >>> (8 * ((i - firstWord) % 4)));
        } else {
          out[i] = (byte) (words[slot[i]] >>> (8 * ((address + i) & 3)));
        }
      }
      return out;
    }
  }
}
