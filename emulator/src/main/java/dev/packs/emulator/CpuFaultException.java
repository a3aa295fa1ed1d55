package dev.packs.emulator;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * The emulated CPU stopped on a fault: an undefined instruction, an unaligned access where the
 * architecture faults, or an access the memory bus refused. Names the fault, the PC of the faulting
 * instruction and, for a memory access, the address.
 */
public final class CpuFaultException extends EmulatorException {
  private static final long serialVersionUID = 1L;

  private final String kind;
  private final int pc;
  private final transient OptionalInt address;

  /** {@code kind} is the fault's name, for example {@code UNDEFINED_INSTRUCTION} or {@code BUS}. */
  public CpuFaultException(String kind, int pc, OptionalInt address, String detail) {
    super(message(kind, pc, address, detail), null);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.pc = pc;
    this.address = Objects.requireNonNull(address, "address");
  }

  private static String message(String kind, int pc, OptionalInt address, String detail) {
    String where = address.isPresent() ? String.format("; address 0x%08X", address.getAsInt()) : "";
    return String.format("CPU fault %s (pc 0x%08X%s): %s", kind, pc, where, detail);
  }

  public String kind() {
    return kind;
  }

  public int pc() {
    return pc;
  }

  public OptionalInt address() {
    return address;
  }
}
