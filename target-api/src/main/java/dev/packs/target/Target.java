package dev.packs.target;

import java.util.Optional;

/**
 * A halted-or-running Cortex-M core with its memory, as a flash engine drives it: a probe-attached
 * chip or the emulator. Addresses are 32-bit values held in a {@code long}. Memory and register access
 * require the core to be halted, which it is between {@link #run} calls.
 *
 * <p>A failed access throws a {@link TargetException}; the core stopping on a fault is not a
 * failure of {@link #run} but a {@link Halt} whose reason is {@link StopReason#FAULT}.
 */
public interface Target {
  /** Reads {@code length} bytes starting at {@code address}. */
  byte[] read(long address, int length);

  /** Writes {@code data} starting at {@code address}. */
  void write(long address, byte[] data);

  /** Reads one aligned little-endian 32-bit word. */
  int readWord(long address);

  /** Writes one aligned little-endian 32-bit word. */
  void writeWord(long address, int value);

  int readRegister(CoreRegister register);

  void writeRegister(CoreRegister register, int value);

  /**
   * Resumes the core at its PC and waits until it halts by itself (breakpoint or fault), the
   * {@code limit} runs out, or {@link #halt()} is called from another thread. The core is halted
   * when this returns.
   */
  Halt run(RunLimit limit);

  /** Asks a running core to halt; a no-op when it is halted already. Safe from any thread. */
  void halt();

  /**
   * Why {@code halt}, returned by the last {@link #run}, is not a clean stop, in words a user can act
   * on (the register a hung loop polled, the unmodelled peripheral a fault touched), when this target
   * can tell; empty by default and after a breakpoint. The emulator knows; a probe does not.
   */
  default Optional<String> explain(Halt halt) {
    return Optional.empty();
  }
}
