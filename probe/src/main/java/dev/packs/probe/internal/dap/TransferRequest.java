package dev.packs.probe.internal.dap;

/**
 * The request byte of one transfer in DAP_Transfer and DAP_TransferBlock: APnDP (bit 0), RnW (bit
 * 1), A[3:2] (bits 2-3), value match (bit 4, reads), match mask (bit 5, writes).
 */
public final class TransferRequest {
  private TransferRequest() {}

  public static final int AP = 1;
  public static final int READ = 1 << 1;
  public static final int MATCH_VALUE = 1 << 4;
  public static final int MATCH_MASK = 1 << 5;
  public static final int TIMESTAMP = 1 << 7;

  /** A read (or write) of DP or AP register {@code address} (0x0, 0x4, 0x8, 0xC). */
  public static int of(boolean ap, boolean read, int address) {
    if ((address & ~0xC) != 0) {
      throw new IllegalArgumentException(String.format("A[3:2] is 0x0, 0x4, 0x8 or 0xC: 0x%X", address));
    }
    return (ap ? AP : 0) | (read ? READ : 0) | address;
  }

  public static boolean isRead(int request) {
    return (request & READ) != 0;
  }

  public static boolean isAp(int request) {
    return (request & AP) != 0;
  }

  /** Whether the request carries a 32-bit value: writes, match masks and value-match reads. */
  public static boolean hasValue(int request) {
    return !isRead(request) || (request & MATCH_VALUE) != 0;
  }

  /** Whether the response carries 32 bits of data for it: plain reads only. */
  public static boolean returnsData(int request) {
    return isRead(request) && (request & (MATCH_VALUE | TIMESTAMP)) == 0;
  }

  /** Whether the probe posts it: an AP read without value match, whose data arrives one transfer later. */
  public static boolean isPostedRead(int request) {
    return isAp(request) && returnsData(request);
  }
}
