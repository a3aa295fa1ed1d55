package dev.packs.probe.internal.arm;

/**
 * The Cortex-M debug and system registers a probe drives (ARMv6-M/ARMv7-M/ARMv8-M debug
 * architecture), with their bits. Shared by every probe family in this module.
 */
public final class CortexM {
  private CortexM() {}

  /** Debug Halting Control and Status Register. */
  public static final long DHCSR = 0xE000_EDF0L;
  /** Debug Core Register Selector: REGSEL[6:0], REGWnR bit 16. */
  public static final long DCRSR = 0xE000_EDF4L;
  /** Debug Core Register Data. */
  public static final long DCRDR = 0xE000_EDF8L;
  /** Debug Exception and Monitor Control Register. */
  public static final long DEMCR = 0xE000_EDFCL;
  /** Application Interrupt and Reset Control Register. */
  public static final long AIRCR = 0xE000_ED0CL;
  /** Debug Fault Status Register (write 1 to clear). */
  public static final long DFSR = 0xE000_ED30L;
  /** CPUID base register. */
  public static final long CPUID = 0xE000_ED00L;
  /** Vector table offset. */
  public static final long VTOR = 0xE000_ED08L;
  /** Configurable Fault Status Register (ARMv7-M): MMFSR, BFSR, UFSR. */
  public static final long CFSR = 0xE000_ED28L;
  /** HardFault Status Register. */
  public static final long HFSR = 0xE000_ED2CL;
  /** BusFault Address Register. */
  public static final long BFAR = 0xE000_ED38L;
  public static final long MMFAR = 0xE000_ED34L;

  /** The key a DHCSR write needs in bits [31:16]. */
  public static final int DBGKEY = 0xA05F_0000;
  public static final int C_DEBUGEN = 1;
  public static final int C_HALT = 1 << 1;
  public static final int C_STEP = 1 << 2;
  public static final int C_MASKINTS = 1 << 3;
  public static final int S_REGRDY = 1 << 16;
  public static final int S_HALT = 1 << 17;
  public static final int S_SLEEP = 1 << 18;
  public static final int S_LOCKUP = 1 << 19;
  public static final int S_RETIRE_ST = 1 << 24;
  public static final int S_RESET_ST = 1 << 25;

  /** DCRSR: write the register (else read it). */
  public static final int REGWNR = 1 << 16;

  public static final int VC_CORERESET = 1;
  public static final int VC_HARDERR = 1 << 10;
  public static final int TRCENA = 1 << 24;

  /** The key an AIRCR write needs in bits [31:16]. */
  public static final int VECTKEY = 0x05FA_0000;
  public static final int SYSRESETREQ = 1 << 2;

  public static final int DFSR_HALTED = 1;
  public static final int DFSR_BKPT = 1 << 1;
  public static final int DFSR_DWTTRAP = 1 << 2;
  public static final int DFSR_VCATCH = 1 << 3;
  public static final int DFSR_EXTERNAL = 1 << 4;
  /** Every DFSR bit, to clear them all. */
  public static final int DFSR_ALL = 0x1F;

  /** CFSR bits the fault report names. */
  public static final int CFSR_MMARVALID = 1 << 7;
  public static final int CFSR_IBUSERR = 1 << 8;
  public static final int CFSR_PRECISERR = 1 << 9;
  public static final int CFSR_IMPRECISERR = 1 << 10;
  public static final int CFSR_BFARVALID = 1 << 15;
  public static final int CFSR_UNDEFINSTR = 1 << 16;
  public static final int CFSR_INVSTATE = 1 << 17;
  public static final int CFSR_INVPC = 1 << 18;
  public static final int CFSR_UNALIGNED = 1 << 24;
  public static final int CFSR_DIVBYZERO = 1 << 25;
  public static final int HFSR_FORCED = 1 << 30;

  /** The xPSR Thumb bit, which must be set for the core to execute anything. */
  public static final int XPSR_T = 1 << 24;

  /** The PARTNO field of CPUID: 0xC20 Cortex-M0, 0xC24 Cortex-M4, 0xD21 Cortex-M33, ... */
  public static int partNumber(int cpuid) {
    return (cpuid >>> 4) & 0xFFF;
  }

  /** The AP's auto-increment window: 4 KiB on the Cortex-M3/M4 AHB-AP, 1 KiB (the guaranteed size) elsewhere. */
  public static int autoIncrementWindow(int cpuid) {
    int part = partNumber(cpuid);
    return part == 0xC23 || part == 0xC24 ? 0x1000 : 0x400;
  }

  /** True for ARMv7-M and ARMv8-M Mainline cores, which have CFSR and a 4 KiB TAR wrap on M3/M4. */
  public static boolean isMainline(int cpuid) {
    return ((cpuid >>> 16) & 0xF) == 0xF && partNumber(cpuid) != 0xD20;
  }
}
