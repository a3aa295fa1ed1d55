package dev.packs.target;

/** Why a running core stopped. */
public enum StopReason {
  /** It executed a BKPT instruction: the normal end of a flash-algorithm call. */
  BREAKPOINT,
  /** It faulted: an undefined instruction, a bad access, or a lockup. {@link Halt#fault()} says which. */
  FAULT,
  /** The {@link RunLimit} ran out while the core was still running. */
  LIMIT,
  /** {@link Target#halt()} stopped it. */
  HALTED
}
