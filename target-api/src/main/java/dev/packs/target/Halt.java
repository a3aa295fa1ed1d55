package dev.packs.target;

import java.util.Objects;
import java.util.Optional;

/**
 * The state a {@link Target#run} ended in: why the core stopped, the PC it stopped at, how many
 * instructions it executed in this run (0 when the target cannot count them), and the fault when
 * {@code reason} is {@link StopReason#FAULT}.
 */
public record Halt(StopReason reason, long pc, long instructions, Optional<Fault> fault) {
  public Halt {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(fault, "fault");
    Addresses.check(pc);
    if (instructions < 0) {
      throw new IllegalArgumentException("negative instruction count: " + instructions);
    }
    if (fault.isPresent() != (reason == StopReason.FAULT)) {
      throw new IllegalArgumentException("a fault is given exactly when the reason is FAULT");
    }
  }
}
