package dev.packs.emulator.internal.cpu;

/** The special registers reachable through MRS/MSR besides the program status registers. */
public enum SpecialRegister {
  MSP,
  PSP,
  PRIMASK,
  BASEPRI,
  FAULTMASK,
  CONTROL
}
