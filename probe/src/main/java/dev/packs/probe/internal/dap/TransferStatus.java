package dev.packs.probe.internal.dap;

import dev.packs.probe.internal.arm.Ack;

/**
 * The response byte of DAP_Transfer and DAP_TransferBlock: the last ACK in bits 2:0 (1 OK, 2 WAIT,
 * 4 FAULT, 7 no ACK), an SWD parity error in bit 3, a value mismatch in bit 4.
 */
public record TransferStatus(int raw) {
  public static final int OK = 1;
  public static final int WAIT = 2;
  public static final int FAULT = 4;
  public static final int NO_ACK = 7;
  public static final int PROTOCOL_ERROR = 1 << 3;
  public static final int MISMATCH = 1 << 4;

  public TransferStatus {
    if (raw < 0 || raw > 0xFF) {
      throw new IllegalArgumentException("a transfer status is one byte: " + raw);
    }
  }

  /** The ACK, a parity error taking precedence; a status of 0 (nothing was asked) counts as OK. */
  public Ack ack() {
    if ((raw & PROTOCOL_ERROR) != 0) {
      return Ack.PROTOCOL_ERROR;
    }
    return switch (raw & 7) {
      case OK, 0 -> Ack.OK;
      case WAIT -> Ack.WAIT;
      case FAULT -> Ack.FAULT;
      default -> Ack.NO_ACK;
    };
  }

  /** A value-match read gave up without seeing the value. */
  public boolean mismatch() {
    return (raw & MISMATCH) != 0;
  }

  /** Everything asked for was done. */
  public boolean ok() {
    return ack() == Ack.OK && !mismatch();
  }
}
