package dev.packs.probe.internal.arm;

import java.util.Objects;

/**
 * A queued transfer failed. {@link #failure()} is the exception to show the user, built by the
 * transfer's {@link Origin}; {@link #ack()} says whether retrying can help (WAIT, a protocol error).
 */
public final class TransferError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final Ack ack;
  private final transient RuntimeException failure;

  public TransferError(Ack ack, RuntimeException failure) {
    super(failure.getMessage(), failure, false, false);
    this.ack = Objects.requireNonNull(ack, "ack");
    this.failure = failure;
  }

  public Ack ack() {
    return ack;
  }

  public RuntimeException failure() {
    return failure;
  }

  /** True when nothing went wrong on the target itself, so the same transfers may be sent again. */
  public boolean retryable() {
    return ack == Ack.WAIT || ack == Ack.PROTOCOL_ERROR;
  }
}
