package dev.packs.flash;

import java.util.Objects;

/**
 * How to flash: the erase mode, whether to verify after programming, and the call limits of the
 * target (real time for a probe, instruction counts for the emulator).
 */
public record FlashOptions(EraseMode erase, boolean verify, CallLimits limits) {
  public FlashOptions {
    Objects.requireNonNull(erase, "erase");
    Objects.requireNonNull(limits, "limits");
  }
}
