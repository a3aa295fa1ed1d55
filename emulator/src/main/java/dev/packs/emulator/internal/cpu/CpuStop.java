package dev.packs.emulator.internal.cpu;

import java.util.Optional;

/** Unwinds the interpreter loop out of an instruction on BKPT or a fault; never escapes {@link Cpu}. */
final class CpuStop extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final transient Optional<Fault> fault;

  CpuStop(Optional<Fault> fault) {
    super(null, null, false, false);
    this.fault = fault;
  }
}
