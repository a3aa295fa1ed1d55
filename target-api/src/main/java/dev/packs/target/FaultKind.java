package dev.packs.target;

/** The kinds of fault a core can stop on. */
public enum FaultKind {
  /** An instruction the core does not implement. */
  UNDEFINED_INSTRUCTION,
  /** An unaligned access where the architecture requires alignment. */
  UNALIGNED_ACCESS,
  /** An access to unmapped memory, or one the memory or a peripheral refused. */
  BUS_ERROR,
  /** Any other fault, for example a lockup reported by a probe. */
  OTHER
}
