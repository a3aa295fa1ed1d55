package dev.packs.target;

/**
 * The Cortex-M core registers a flash engine reads and writes. {@link #selector()} is the register's
 * number in the Debug Core Register Selector (DCRSR.REGSEL), which a probe uses to reach it.
 */
public enum CoreRegister {
  R0(0),
  R1(1),
  R2(2),
  R3(3),
  R4(4),
  R5(5),
  R6(6),
  R7(7),
  R8(8),
  R9(9),
  R10(10),
  R11(11),
  R12(12),
  /** The current stack pointer (MSP or PSP, whichever CONTROL.SPSEL selects). */
  SP(13),
  LR(14),
  /** The debug return address: the address the core resumes at. */
  PC(15),
  XPSR(16),
  MSP(17),
  PSP(18);

  private final int selector;

  CoreRegister(int selector) {
    this.selector = selector;
  }

  /** The DCRSR.REGSEL value of this register. */
  public int selector() {
    return selector;
  }

  /** R0 to R12 by number. */
  public static CoreRegister general(int number) {
    if (number < 0 || number > 12) {
      throw new IllegalArgumentException("no general-purpose register r" + number);
    }
    return values()[number];
  }
}
