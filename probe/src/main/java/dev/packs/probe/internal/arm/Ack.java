package dev.packs.probe.internal.arm;

/** How a target answered an SWD transfer, as a probe reports it. */
public enum Ack {
  OK,
  /** The AP is busy; the probe retried as often as it was told to. */
  WAIT,
  /** A sticky error flag is set: an earlier access failed on the bus. */
  FAULT,
  /** Nothing answered: no target, no power, or the wrong wire protocol. */
  NO_ACK,
  /** The SWD data phase had the wrong parity. */
  PROTOCOL_ERROR;

  /** How a user reads it. */
  public String describe() {
    return switch (this) {
      case OK -> "OK";
      case WAIT -> "WAIT (the target stayed busy)";
      case FAULT -> "FAULT (the access failed on the target's bus)";
      case NO_ACK -> "no ACK (no target answered; check wiring and power)";
      case PROTOCOL_ERROR -> "SWD protocol error (parity)";
    };
  }
}
