package dev.packs.probe.internal.stlink;

/** Cortex-M debug and fault registers (ARMv7-M ARM, C1.6 and B3.2), as the host and the virtual probe use them. */
final class CortexM {
  static final long CPUID = 0xE000_ED00L;
  static final long VTOR = 0xE000_ED08L;
  static final long AIRCR = 0xE000_ED0CL;
  static final long CFSR = 0xE000_ED28L;
  static final long HFSR = 0xE000_ED2CL;
  static final long DFSR = 0xE000_ED30L;
  static final long MMFAR = 0xE000_ED34L;
  static final long BFAR = 0xE000_ED38L;
  static final long DHCSR = 0xE000_EDF0L;
  static final long DCRSR = 0xE000_EDF4L;
  static final long DCRDR = 0xE000_EDF8L;
  static final long DEMCR = 0xE000_EDFCL;

  static final int DHCSR_KEY = 0xA05F_0000;
  static final int C_DEBUGEN = 1;
  static final int C_HALT = 1 << 1;
  static final int C_STEP = 1 << 2;
  static final int C_MASKINTS = 1 << 3;
  static final int S_REGRDY = 1 << 16;
  static final int S_HALT = 1 << 17;
  static final int S_SLEEP = 1 << 18;
  static final int S_LOCKUP = 1 << 19;
  static final int S_RETIRE_ST = 1 << 24;
  static final int S_RESET_ST = 1 << 25;

  static final int DCRSR_WRITE = 1 << 16;

  static final int DFSR_HALTED = 1;
  static final int DFSR_BKPT = 1 << 1;
  static final int DFSR_VCATCH = 1 << 3;
  static final int DFSR_ALL = 0x1F;

  static final int VC_CORERESET = 1;
  static final int VC_HARDERR = 1 << 10;

  static final int AIRCR_VECTKEY = 0x05FA_0000;
  static final int AIRCR_SYSRESETREQ = 1 << 2;

  /** CFSR bits: MemManage (7:0), BusFault (15:8), UsageFault (31:16). */
  static final int MMARVALID = 1 << 7;
  static final int IBUSERR = 1 << 8;
  static final int PRECISERR = 1 << 9;
  static final int BFARVALID = 1 << 15;
  static final int UNDEFINSTR = 1 << 16;
  static final int INVSTATE = 1 << 17;
  static final int UNALIGNED = 1 << 24;
  static final int DIVBYZERO = 1 << 25;
  static final int HFSR_FORCED = 1 << 30;

  /** The AP's auto-increment window: 4 KiB on the Cortex-M3/M4 AHB-AP, 1 KiB (the guaranteed size) elsewhere. */
  static int autoIncrementWindow(int cpuid) {
    int part = cpuid >>> 4 & 0xFFF;
    return part == 0xC23 || part == 0xC24 ? 0x1000 : 0x400;
  }

  private CortexM() {}
}
