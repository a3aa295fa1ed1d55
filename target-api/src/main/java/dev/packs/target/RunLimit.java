package dev.packs.target;

import java.time.Duration;
import java.util.Objects;

/**
 * How long {@link Target#run} may let the core run before it halts it: at most {@code instructions}
 * instructions (a target that cannot count them ignores this) and at most {@code time} of wall-clock
 * time.
 */
public record RunLimit(long instructions, Duration time) {
  /** No limit on instructions; only the time limit applies. */
  public static final long ANY_NUMBER = Long.MAX_VALUE;

  public RunLimit {
    Objects.requireNonNull(time, "time");
    if (instructions <= 0) {
      throw new IllegalArgumentException("instruction limit must be positive: " + instructions);
    }
    if (time.isNegative() || time.isZero()) {
      throw new IllegalArgumentException("time limit must be positive: " + time);
    }
  }

  /** Only a time limit. */
  public static RunLimit time(Duration time) {
    return new RunLimit(ANY_NUMBER, time);
  }

  /** An instruction limit and a time limit, whichever comes first. */
  public static RunLimit of(long instructions, Duration time) {
    return new RunLimit(instructions, time);
  }
}
