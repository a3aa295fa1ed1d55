package dev.packs.probe.internal.arm;

/** The SWJ-DP wire sequences that put a target's debug port into SWD and reset the line. */
public final class SwdSequences {
  private SwdSequences() {}

  /** Bits in a line reset: at least 50 clocks with SWDIO high. */
  public static final int LINE_RESET_BITS = 51;
  /** The 16-bit JTAG-to-SWD select sequence 0xE79E, sent LSB first. */
  public static final int JTAG_TO_SWD = 0xE79E;

  /**
   * Line reset, JTAG-to-SWD, line reset, then idle cycles: what a probe sends before the first DPIDR
   * read, which the DP needs to leave its reset state.
   */
  public static void switchToSwd(AdiTransfers transfers) {
    lineReset(transfers);
    transfers.sequence(16, new byte[] {(byte) JTAG_TO_SWD, (byte) (JTAG_TO_SWD >>> 8)});
    lineReset(transfers);
    transfers.sequence(8, new byte[] {0});
  }

  /** 51 ones then 8 zeros (idle). */
  public static void lineReset(AdiTransfers transfers) {
    byte[] ones = new byte[(LINE_RESET_BITS + 7) / 8];
    java.util.Arrays.fill(ones, (byte) 0xFF);
    transfers.sequence(LINE_RESET_BITS, ones);
  }
}
