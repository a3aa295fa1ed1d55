package dev.packs.cli;

import java.util.List;

/**
 * What {@code packs emulate} saw, shaped for {@code --json}. Numbers are plain JSON integers; a
 * {@code null} field is JSON {@code null} (no result after a fault, no polled address, no name).
 */
record EmulationReport(String device, Algorithm algorithm, String model, Layout layout,
    List<Call> calls) {
  EmulationReport {
    calls = List.copyOf(calls);
  }

  record Algorithm(String path, String sha256) {}

  /** Where the algorithm was placed, as the flash engine places it. */
  record Layout(long loadAddress, long staticBase, List<Long> pageBuffers, long stackBottom,
      long stackTop) {
    Layout {
      pageBuffers = List.copyOf(pageBuffers);
    }
  }

  /** {@code diagnosis}: why the call did not return through its breakpoint, in words; else null. */
  record Call(String function, List<Long> args, Long result, long instructions, String stop,
      Fault fault, Long polling, List<Write> peripheralWrites, List<Range> changedPages,
      String diagnosis) {
    Call {
      args = List.copyOf(args);
      peripheralWrites = List.copyOf(peripheralWrites);
      changedPages = List.copyOf(changedPages);
    }

    /** True when the function returned on its own with result 0. */
    boolean succeeded() {
      return "breakpoint".equals(stop) && result != null && result == 0;
    }
  }

  record Fault(String kind, long pc, Long address, String detail) {}

  record Write(long address, long value, String register) {}

  record Range(long start, long size) {}
}
