package dev.packs.flash;

import dev.packs.flm.FlashAlgorithm;
import dev.packs.flm.FlashDevice;
import dev.packs.target.RunLimit;
import java.time.Duration;
import java.util.Objects;

/**
 * How long one flash-algorithm call may run. The timeout of each call comes from the algorithm's
 * FlashDevice (erase and program timeouts; fixed ones for Init, UnInit, Verify and BlankCheck, the
 * erase timeout times the sector count for EraseChip). A real core gets that much wall-clock time;
 * the emulator, whose speed says nothing about the chip's, gets that many milliseconds' worth of
 * instructions at an assumed core rate.
 */
public sealed interface CallLimits permits CallLimits.Counted, CallLimits.WallClock {
  /** Init and UnInit: probe-rs allows 2 s; pyOCD 5 s. */
  long INIT_TIMEOUT_MS = 2_000;
  /** Verify and BlankCheck of one page or sector; FLMs give no timeout for them. */
  long CHECK_TIMEOUT_MS = 2_000;
  /** Used when an FLM gives 0 for its program timeout. */
  long DEFAULT_PROGRAM_TIMEOUT_MS = 1_000;
  /** Used when an FLM gives 0 for its erase timeout. */
  long DEFAULT_ERASE_TIMEOUT_MS = 5_000;

  /** The run limit for one call of {@code function} of {@code algorithm}. */
  RunLimit limit(AlgorithmFunction function, FlashAlgorithm algorithm);

  /** For the emulator: 20 instructions per microsecond (a 20 MHz core), with 5 minutes as a safety net. */
  static CallLimits emulator() {
    return new Counted(20_000, Duration.ofMinutes(5));
  }

  /** For a real core behind a probe: the timeout plus one second for the probe's round trips. */
  static CallLimits realTime() {
    return new WallClock(Duration.ofSeconds(1));
  }

  /** The timeout of one call in milliseconds, from the FlashDevice. */
  static long timeoutMillis(AlgorithmFunction function, FlashAlgorithm algorithm) {
    FlashDevice device = algorithm.device();
    long erase = device.eraseTimeoutMs() > 0 ? device.eraseTimeoutMs() : DEFAULT_ERASE_TIMEOUT_MS;
    long program = device.programTimeoutMs() > 0 ? device.programTimeoutMs() : DEFAULT_PROGRAM_TIMEOUT_MS;
    return switch (function) {
      case INIT, UNINIT -> INIT_TIMEOUT_MS;
      case ERASE_SECTOR -> erase;
      case ERASE_CHIP -> erase * Math.max(1, algorithm.sectors().stream().mapToLong(r -> r.count()).sum());
      case PROGRAM_PAGE -> program;
      case VERIFY, BLANK_CHECK -> Math.max(CHECK_TIMEOUT_MS, program);
    };
  }

  /**
   * Counts instructions: a call may run {@code timeout × instructionsPerMillisecond} instructions, and
   * at most {@code wallClock} of real time.
   */
  record Counted(long instructionsPerMillisecond, Duration wallClock) implements CallLimits {
    public Counted {
      Objects.requireNonNull(wallClock, "wallClock");
      if (instructionsPerMillisecond <= 0) {
        throw new IllegalArgumentException("instructions per millisecond must be positive");
      }
    }

    @Override
    public RunLimit limit(AlgorithmFunction function, FlashAlgorithm algorithm) {
      long ms = CallLimits.timeoutMillis(function, algorithm);
      long instructions = ms > RunLimit.ANY_NUMBER / instructionsPerMillisecond
          ? RunLimit.ANY_NUMBER : ms * instructionsPerMillisecond;
      return RunLimit.of(instructions, wallClock);
    }
  }

  /** Real time: a call may run its timeout plus {@code margin}. */
  record WallClock(Duration margin) implements CallLimits {
    public WallClock {
      Objects.requireNonNull(margin, "margin");
    }

    @Override
    public RunLimit limit(AlgorithmFunction function, FlashAlgorithm algorithm) {
      return RunLimit.time(Duration.ofMillis(CallLimits.timeoutMillis(function, algorithm)).plus(margin));
    }
  }
}
