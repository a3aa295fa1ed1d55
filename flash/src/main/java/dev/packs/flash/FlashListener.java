package dev.packs.flash;

/**
 * What the flash engine reports while it works. Every method does nothing by default; the CLI draws a
 * progress bar from these. Byte counts are increments, not totals.
 */
public interface FlashListener {
  FlashListener NONE = new FlashListener() {};

  /** The plan is ready: {@link FlashPlan} says how much will be erased and programmed. */
  default void planned(FlashPlan plan) {}

  /** Flash was erased: a sector, or a whole region by chip erase. */
  default void erased(long bytes) {}

  default void programmed(long bytes) {}

  default void verified(long bytes) {}

  /** A flash-algorithm function returned, faulted or ran out of time. */
  default void called(CallResult call) {}
}
