package dev.packs.flash;

import dev.packs.target.Halt;
import dev.packs.target.StopReason;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * What one flash-algorithm call did: how the core stopped, and r0 when it stopped on a breakpoint.
 *
 * @param args the values passed in r0-r3
 * @param result r0 as an unsigned value, present when the core stopped on a BKPT
 * @param returned true when it stopped on the return trampoline's BKPT, i.e. the function returned
 * @param stackOverflow true when the stack canary was overwritten during the call
 * @param diagnosis why the call faulted or hung, in words, when the target can tell ({@link
 *     dev.packs.target.Target#explain}); empty after a breakpoint
 */
public record CallResult(
    AlgorithmFunction function, List<Long> args, Halt halt, OptionalLong result, boolean returned,
    boolean stackOverflow, Optional<String> diagnosis) {
  public CallResult {
    Objects.requireNonNull(function, "function");
    args = List.copyOf(args);
    Objects.requireNonNull(halt, "halt");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(diagnosis, "diagnosis");
  }

  /** True when the function returned 0 without overflowing its stack. */
  public boolean succeeded() {
    return returned && !stackOverflow && result.isPresent() && result.getAsLong() == 0;
  }

  public boolean stoppedOnBreakpoint() {
    return halt.reason() == StopReason.BREAKPOINT;
  }

  /** The call as code would write it: {@code EraseSector(0x08010000)}. */
  public String call() {
    return function.symbol() + args.stream().map(a -> String.format("0x%08X", a))
        .collect(Collectors.joining(", ", "(", ")"));
  }
}
