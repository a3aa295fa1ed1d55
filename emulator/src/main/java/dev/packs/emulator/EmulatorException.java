package dev.packs.emulator;

/**
 * The root of every exception the emulator throws. A fault of the emulated code is not one: {@link
 * Emulator#run} reports it as a {@code Halt} with {@code StopReason.FAULT}, as a probe does, and a debug
 * access the bus refuses is the target API's {@code MemoryAccessException}.
 */
public abstract sealed class EmulatorException extends RuntimeException
    permits dev.packs.emulator.internal.cpu.BusFault {
  private static final long serialVersionUID = 1L;

  protected EmulatorException(String message, Throwable cause) {
    super(message, cause);
  }
}
