package dev.packs.probe;

import java.util.Objects;

/**
 * The root of every failure of the probe module. Each subclass carries the facts a user can act on: the
 * probe, the command, the address, the status the probe answered.
 */
public abstract sealed class ProbeException extends RuntimeException {
  private ProbeException(String message, Throwable cause) {
    super(message, cause);
  }

  /** No probe matches what was asked for (none attached, or no such serial number). */
  public static final class NotFound extends ProbeException {
    public NotFound(String detail) {
      super(detail, null);
    }
  }

  /** The USB transfer itself failed: the device went away, libusb or hidapi reported an error. */
  public static final class Usb extends ProbeException {
    public Usb(String probe, String detail, Throwable cause) {
      super(probe + ": USB error: " + detail, cause);
    }
  }

  /** The probe answered something the protocol does not allow: wrong length, wrong command echo. */
  public static final class Protocol extends ProbeException {
    private final String command;

    public Protocol(String command, String detail) {
      super(command + ": " + detail, null);
      this.command = Objects.requireNonNull(command, "command");
    }

    public String command() {
      return command;
    }
  }

  /** A debug-port or access-port transfer was refused by the target (WAIT, FAULT, NO_ACK) or a status code. */
  public static final class TransferFailed extends ProbeException {
    private final String response;

    public TransferFailed(String what, long address, String response) {
      super(String.format("%s at 0x%08X failed: %s", what, address, response), null);
      this.response = Objects.requireNonNull(response, "response");
    }

    public String response() {
      return response;
    }
  }

  /** An operation did not finish in time; names the operation. */
  public static final class Timeout extends ProbeException {
    public Timeout(String operation) {
      super(operation + " timed out", null);
    }
  }

  /** The probe's firmware is too old or lacks a capability the protocol needs; says which and why. */
  public static final class Unsupported extends ProbeException {
    public Unsupported(String detail) {
      super(detail, null);
    }
  }
}
