package dev.packs.target;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * A fault the core stopped on: what happened, at which instruction ({@code pc}), the data address
 * involved when there is one, and a human-readable detail.
 */
public record Fault(FaultKind kind, long pc, OptionalLong address, String detail) {
  public Fault {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(detail, "detail");
    Addresses.check(pc);
    address.ifPresent(Addresses::check);
  }

  @Override
  public String toString() {
    String where = address.isPresent() ? String.format(" accessing 0x%08X", address.getAsLong()) : "";
    return String.format("%s at pc 0x%08X%s%s", kind, pc, where, detail.isEmpty() ? "" : ": " + detail);
  }
}
