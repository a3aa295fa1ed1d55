package dev.packs.emulator;

/** The root of every failure the emulator reports. */
public abstract sealed class EmulatorException extends RuntimeException permits CpuFaultException {
  private static final long serialVersionUID = 1L;

  EmulatorException(String message, Throwable cause) {
    super(message, cause);
  }
}
