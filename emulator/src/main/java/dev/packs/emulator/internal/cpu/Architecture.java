package dev.packs.emulator.internal.cpu;

/**
 * The M-profile architecture a {@link Cpu} implements. It decides which encodings exist (ARMv6-M
 * rejects the 32-bit instructions it lacks) and whether unaligned single loads and stores fault.
 */
public enum Architecture {
  /** Cortex-M0/M0+/M1: the 16-bit set plus BL, MRS, MSR, DMB, DSB, ISB; every unaligned access faults. */
  ARMV6M(false, false, false),
  /** Cortex-M3: the whole Thumb-2 integer set without the DSP extension. */
  ARMV7M(true, false, false),
  /** Cortex-M4/M7: ARMv7-M plus the DSP extension. */
  ARMV7EM(true, true, false),
  /** Cortex-M23: ARMv6-M plus CBZ/CBNZ, MOVW/MOVT, B.W, SDIV/UDIV and the exclusive and acquire/release accesses. */
  ARMV8M_BASELINE(false, false, true),
  /** Cortex-M33/M55 integer core: ARMv7E-M plus acquire/release (the DSP extension is assumed present). */
  ARMV8M_MAINLINE(true, true, true);

  private final boolean thumb2;
  private final boolean dsp;
  private final boolean v8;

  Architecture(boolean thumb2, boolean dsp, boolean v8) {
    this.thumb2 = thumb2;
    this.dsp = dsp;
    this.v8 = v8;
  }

  /** Whether the full 32-bit Thumb-2 integer set (ARMv7-M) is implemented. */
  public boolean thumb2() {
    return thumb2;
  }

  /** Whether the DSP extension (saturating, SIMD, packing, extend-and-add, DSP multiplies) exists. */
  public boolean dsp() {
    return dsp;
  }

  /** Whether the ARMv8-M additions exist (acquire/release; for Baseline also the v7-M subset it adopts). */
  public boolean v8() {
    return v8;
  }

  /** Whether the ARMv8-M Baseline subset of Thumb-2 (MOVW/MOVT, B.W, CBZ, divide, exclusives) exists. */
  boolean baselineExtras() {
    return thumb2 || v8;
  }

  /** Whether every unaligned data access faults (true where the architecture has no unaligned support). */
  boolean alignmentAlwaysFaults() {
    return !thumb2;
  }
}
