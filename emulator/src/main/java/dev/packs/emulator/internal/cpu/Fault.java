package dev.packs.emulator.internal.cpu;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * Why the CPU stopped with a fault: what happened, the address of the faulting instruction and,
 * for a memory access, the address it touched.
 */
public record Fault(Kind kind, int pc, OptionalInt address, String detail) {
  /** The kinds of fault the interpreter reports instead of taking an exception. */
  public enum Kind {
    /** An encoding that does not exist on the configured architecture (or UDF). */
    UNDEFINED_INSTRUCTION,
    /** A data access that is not aligned where the architecture requires alignment. */
    UNALIGNED,
    /** A data access or instruction fetch the bus refused: unmapped memory or a read-only target. */
    BUS,
    /** An interworking branch to an address with bit 0 clear (ARM state does not exist on M-profile). */
    INVALID_STATE,
    /** SVC: a supervisor call needs exception entry, which the interpreter does not model. */
    SUPERVISOR_CALL,
    /** SDIV/UDIV by zero while CCR.DIV_0_TRP is set (by default division by zero gives 0). */
    DIVIDE_BY_ZERO
  }

  public Fault {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(detail, "detail");
  }

  @Override
  public String toString() {
    String where = address.isPresent() ? String.format(", address 0x%08X", address.getAsInt()) : "";
    return String.format("%s at pc 0x%08X%s: %s", kind, pc, where, detail);
  }
}
