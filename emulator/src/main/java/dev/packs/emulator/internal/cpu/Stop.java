package dev.packs.emulator.internal.cpu;

import java.util.Objects;
import java.util.Optional;

/**
 * Why {@link Cpu#run(long)} returned. {@code pc} is the address of the BKPT or faulting instruction
 * for {@link Kind#BREAKPOINT} and {@link Kind#FAULT}, and the next instruction to execute otherwise;
 * {@code instructions} counts the instructions this run completed.
 */
public record Stop(Kind kind, int pc, long instructions, Optional<Fault> fault) {
  /** The reason a run ended. */
  public enum Kind {
    BREAKPOINT,
    FAULT,
    LIMIT,
    HALTED
  }

  public Stop {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(fault, "fault");
    if ((kind == Kind.FAULT) != fault.isPresent()) {
      throw new IllegalArgumentException("a fault is present exactly when the stop kind is FAULT");
    }
    if (instructions < 0) {
      throw new IllegalArgumentException("negative instruction count " + instructions);
    }
  }
}
