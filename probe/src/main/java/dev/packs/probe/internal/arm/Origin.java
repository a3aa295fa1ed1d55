package dev.packs.probe.internal.arm;

import dev.packs.probe.ProbeException;

/**
 * What a queued transfer was for, so that its failure can be reported in the caller's terms: the
 * memory address that failed, or the register that could not be read.
 */
@FunctionalInterface
public interface Origin {
  /** The exception for element {@code index} (0 for a single transfer) failing with {@code ack}. */
  RuntimeException failure(Ack ack, int index);

  /** A register transfer, named for the message: "DP read CTRL/STAT". */
  static Origin register(String what, long address) {
    return (ack, index) -> new ProbeException.TransferFailed(what, address, ack.describe());
  }
}
