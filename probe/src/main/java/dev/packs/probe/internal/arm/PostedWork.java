package dev.packs.probe.internal.arm;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The transfers queued since the last flush, kept as the steps that queued them. After WAIT or an
 * SWD protocol error the probe is recovered and, when every step is safe to repeat (reads, memory
 * and register writes; not DHCSR, AIRCR or peripheral writes), the steps are queued again; any
 * other failure drops them and is thrown in the caller's terms.
 */
final class PostedWork {
  private static final int ATTEMPTS = 3;

  private final AdiTransfers transfers;
  private final DebugPort dp;
  private final Runnable invalidate;
  private final Runnable dropped;
  private final List<Runnable> steps = new ArrayList<>();
  private boolean unsafe;

  /**
   * @param invalidate forgets cached DP and AP state after a failure
   * @param dropped forgets what the dropped steps would have changed (cached core registers)
   */
  PostedWork(AdiTransfers transfers, DebugPort dp, Runnable invalidate, Runnable dropped) {
    this.transfers = transfers;
    this.dp = dp;
    this.invalidate = invalidate;
    this.dropped = dropped;
  }

  /** Queues {@code step}'s transfers and keeps it, to queue again after a WAIT. */
  void post(Runnable step, boolean repeatable) {
    steps.add(step);
    unsafe |= !repeatable;
    step.run();
  }

  /** Queues {@code step}, flushes, and returns what it queued into (filled by now). */
  <T> T await(Supplier<T> step, boolean repeatable) {
    Object[] box = new Object[1];
    post(() -> box[0] = step.get(), repeatable);
    flush();
    @SuppressWarnings("unchecked")
    T result = (T) box[0];
    return result;
  }

  /** Sends everything queued and waits for the answers, recovering as the class comment says. */
  void flush() {
    for (int attempt = 1; ; attempt++) {
      try {
        transfers.flush();
        steps.clear();
        unsafe = false;
        return;
      } catch (TransferError e) {
        invalidate.run();
        if (e.ack() == Ack.PROTOCOL_ERROR) {
          dp.reconnect();
        }
        if (!e.retryable() || unsafe || attempt == ATTEMPTS) {
          drop();
          throw e.failure();
        }
        List.copyOf(steps).forEach(Runnable::run);
      } catch (RuntimeException e) {
        invalidate.run();
        drop();
        throw e;
      }
    }
  }

  private void drop() {
    steps.clear();
    unsafe = false;
    dropped.run();
  }
}
