package dev.packs.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;

/** Renders an {@link EmulationReport} for people. */
final class EmulationText {
  private EmulationText() {}

  static void render(EmulationReport report, PrintWriter out) {
    out.printf("algorithm %s (sha256 %s)%n", report.algorithm().path(),
        report.algorithm().sha256().substring(0, 16));
    out.printf("device    %s, flash model %s%n", report.device(),
        report.model() == null ? "none (flash is read-only)" : report.model());
    EmulationReport.Layout layout = report.layout();
    out.printf("placed    load %s, r9 %s, page buffers %s, stack %s..%s%n",
        hex(layout.loadAddress()), hex(layout.staticBase()),
        layout.pageBuffers().stream().map(EmulationText::hex).collect(Collectors.joining(", ")),
        hex(layout.stackBottom()), hex(layout.stackTop()));
    for (EmulationReport.Call call : report.calls()) {
      renderCall(call, out);
    }
  }

  private static void renderCall(EmulationReport.Call call, PrintWriter out) {
    String args = call.args().stream().map(EmulationText::hex).collect(Collectors.joining(", "));
    String result = call.result() == null ? "no result" : "-> " + hex(call.result());
    out.printf("%n%s(%s) %s  [%s after %,d instructions]%n", call.function(), args, result,
        call.stop(), call.instructions());
    if (call.fault() != null) {
      EmulationReport.Fault f = call.fault();
      out.printf("  fault %s at pc %s%s: %s%n", f.kind(), hex(f.pc()),
          f.address() == null ? "" : " accessing " + hex(f.address()), f.detail());
    }
    if (call.polling() != null) {
      out.printf("  hung polling %s%n", hex(call.polling()));
    }
    if (call.diagnosis() != null) {
      out.printf("  why: %s%n", call.diagnosis());
    }
    List<EmulationReport.Write> writes = call.peripheralWrites();
    for (int i = 0; i < writes.size(); ) {
      EmulationReport.Write w = writes.get(i);
      int same = 1;
      while (i + same < writes.size() && writes.get(i + same).equals(w)) {
        same++;
      }
      out.printf("  write %s <- %s%s%s%n", hex(w.address()), hex(w.value()),
          w.register() == null ? "" : "  " + w.register(), same > 1 ? "  (" + same + " times)" : "");
      i += same;
    }
    if (call.changedPages().isEmpty()) {
      out.println("  flash unchanged");
    }
    for (EmulationReport.Range r : call.changedPages()) {
      out.printf("  changed %s..%s (0x%X bytes)%n", hex(r.start()), hex(r.start() + r.size()),
          r.size());
    }
  }

  private static String hex(long value) {
    return EmulateCommand.hex(value);
  }
}
