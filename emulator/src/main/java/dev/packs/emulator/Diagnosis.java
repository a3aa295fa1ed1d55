package dev.packs.emulator;

import dev.packs.emulator.internal.bus.MemoryBus;
import dev.packs.target.Fault;
import dev.packs.target.FaultKind;
import dev.packs.target.Halt;
import java.util.Optional;
import java.util.function.LongFunction;

/** Turns how a run ended into a sentence a user can act on. */
final class Diagnosis {
  /** How far above the stack pointer a polled RAM address counts as a local variable. */
  private static final long FRAME = 0x200;

  private Diagnosis() {}

  static String hang(Halt halt, Optional<MemoryBus.Polled> polled,
      LongFunction<Optional<String>> names, long sp) {
    String head = String.format("no return after %,d instructions (pc 0x%08X): ",
        halt.instructions(), halt.pc());
    if (polled.isEmpty()) {
      return head + "it read no memory outside its registers: an endless or delay loop";
    }
    long address = Integer.toUnsignedLong(polled.get().address());
    return head + switch (polled.get().kind()) {
      case PERIPHERAL -> names.apply(address)
          .map(n -> String.format("it kept polling %s (0x%08X): the value it waits for never"
              + " comes", n, address))
          .orElse(String.format("it kept polling 0x%08X: the value it waits for never comes",
              address));
      case UNMAPPED -> String.format("it kept polling 0x%08X, where nothing is modelled (a"
          + " permissive bus reads 0 there)", address);
      case FLASH -> String.format("it kept reading the flash at 0x%08X: a status, toggle-bit or"
          + " data poll that no flash model answers for this memory", address);
      case RAM -> address >= sp && address < sp + FRAME
          ? String.format("it kept reading a local variable at 0x%08X on the stack: a delay or"
              + " retry loop that did not finish in time", address)
          : String.format("it kept reading RAM at 0x%08X, which only an interrupt handler would"
              + " change (a tick counter such as HAL_GetTick's); the emulator takes no"
              + " interrupts", address);
    };
  }

  static String fault(Fault fault, LongFunction<Optional<String>> names) {
    String where = fault.address().isPresent()
        ? String.format(" at 0x%08X%s", fault.address().getAsLong(),
            names.apply(fault.address().getAsLong())
                .filter(n -> !fault.detail().contains(n)).map(n -> " (" + n + ")").orElse(""))
        : "";
    String what = switch (fault.kind()) {
      case BUS_ERROR -> "bus error";
      case UNALIGNED_ACCESS -> "unaligned access";
      case UNDEFINED_INSTRUCTION -> "undefined instruction";
      case OTHER -> "fault";
    };
    String hint = fault.kind() == FaultKind.BUS_ERROR && fault.detail().contains("unmapped")
        ? "; no model covers this address: it is a peripheral the emulator does not have, or"
            + " memory the device's descriptor does not list"
        : "";
    return String.format("%s%s (pc 0x%08X): %s%s", what, where, fault.pc(), fault.detail(), hint);
  }
}
