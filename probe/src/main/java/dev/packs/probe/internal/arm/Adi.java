package dev.packs.probe.internal.arm;

/**
 * ADIv5 debug-port and access-port register addresses and bits, as SWD transfers carry them:
 * A[3:2] of the DP or of the selected AP bank.
 */
public final class Adi {
  private Adi() {}

  /** DP registers (bank 0). */
  public static final int DP_DPIDR = 0x0;
  public static final int DP_ABORT = 0x0;
  public static final int DP_CTRL_STAT = 0x4;
  public static final int DP_SELECT = 0x8;
  public static final int DP_RDBUFF = 0xC;

  /** ABORT bits. */
  public static final int DAPABORT = 0x01;
  public static final int STKCMPCLR = 0x02;
  public static final int STKERRCLR = 0x04;
  public static final int WDERRCLR = 0x08;
  public static final int ORUNERRCLR = 0x10;
  /** Clears every sticky flag without aborting a transfer in progress. */
  public static final int CLEAR_STICKY = STKCMPCLR | STKERRCLR | WDERRCLR | ORUNERRCLR;

  /** CTRL/STAT bits. */
  public static final int STICKYORUN = 1 << 1;
  public static final int STICKYCMP = 1 << 4;
  public static final int STICKYERR = 1 << 5;
  public static final int READOK = 1 << 6;
  public static final int WDATAERR = 1 << 7;
  public static final int MASKLANE = 0xF00;
  public static final int CDBGPWRUPREQ = 1 << 28;
  public static final int CDBGPWRUPACK = 1 << 29;
  public static final int CSYSPWRUPREQ = 1 << 30;
  public static final int CSYSPWRUPACK = 1 << 31;

  /** MEM-AP registers (offsets in the AP's 256-byte space). */
  public static final int AP_CSW = 0x00;
  public static final int AP_TAR = 0x04;
  public static final int AP_DRW = 0x0C;
  public static final int AP_BD0 = 0x10;
  public static final int AP_CFG = 0xF4;
  public static final int AP_BASE = 0xF8;
  public static final int AP_IDR = 0xFC;

  /** CSW fields. */
  public static final int CSW_SIZE8 = 0;
  public static final int CSW_SIZE16 = 1;
  public static final int CSW_SIZE32 = 2;
  public static final int CSW_SIZE_MASK = 0x7;
  public static final int CSW_ADDRINC_SINGLE = 1 << 4;
  public static final int CSW_ADDRINC_MASK = 3 << 4;
  public static final int CSW_DEVICEEN = 1 << 6;
  public static final int CSW_TRINPROG = 1 << 7;
  /** HPROT[1] privileged, MasterType debug, DbgSwEnable, as OpenOCD and pyOCD set them for an AHB-AP. */
  public static final int CSW_AHB_DEFAULT = 0x2300_0000;

  /** SELECT: APSEL[31:24], APBANKSEL[7:4]. */
  public static int select(int ap, int register) {
    return (ap << 24) | (register & 0xF0);
  }

  /** The TAR auto-increment window an AP guarantees: 1 KiB, or 4 KiB on the M3/M4 AHB-AP. */
  public static int wrap(int apIdr) {
    // ARM Cortex-M3/M4 AHB-AP (designer 0x23B, class MEM-AP, type AHB, variant 1) wraps at 4 KiB.
    return (apIdr & 0x0FFF_FFFF) == 0x0477_0011 ? 4096 : 1024;
  }

  /** Whether an IDR names a MEM-AP (class 8). */
  public static boolean isMemAp(int apIdr) {
    return apIdr != 0 && ((apIdr >>> 13) & 0xF) == 0x8;
  }
}
