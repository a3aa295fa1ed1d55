package dev.packs.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What {@code packs algo diff} found, shaped for {@code --json}: per call, what each algorithm did.
 * Numbers are JSON integers; a missing result (the call faulted or hung) is {@code null}.
 */
record AlgoDiffReport(Algorithm a, Algorithm b, String device, String model, boolean same, List<Call> calls) {
  AlgoDiffReport {
    calls = List.copyOf(calls);
  }

  record Algorithm(String path, String sha256) {}

  record Write(long address, long value, String register) {
    @Override
    public String toString() {
      return String.format("write 0x%08X <- 0x%08X%s", address, value, register == null ? "" : "  " + register);
    }
  }

  record Range(long start, long size) {
    @Override
    public String toString() {
      return String.format("0x%08X..0x%08X", start, start + size - 1);
    }
  }

  /** What one algorithm's call did. */
  record Outcome(Long result, String stop, List<Write> peripheralWrites, List<Range> changed) {
    Outcome {
      peripheralWrites = List.copyOf(peripheralWrites);
      changed = List.copyOf(changed);
    }

    String summary() {
      String r = result == null ? "no result (" + stop + ")" : String.format("-> 0x%08X", result);
      String c = changed.isEmpty() ? "flash unchanged"
          : "changed " + changed.stream().map(Object::toString).collect(Collectors.joining(", "));
      return r + "; " + c;
    }
  }

  /** One call made with both algorithms; {@code args} leave out the page buffer, which differs by layout. */
  record Call(String function, List<Long> args, boolean same, Outcome a, Outcome b) {
    Call {
      args = List.copyOf(args);
    }
  }

  void print(PrintWriter out) {
    out.printf(Locale.ROOT, "A  %s (sha256 %s)%n", a.path(), a.sha256().substring(0, 16));
    out.printf(Locale.ROOT, "B  %s (sha256 %s)%n", b.path(), b.sha256().substring(0, 16));
    out.printf(Locale.ROOT, "device %s, flash model %s; the same %d calls on each (register writes: - only A, + only B)%n",
        device, model == null ? "none" : model, calls.size());
    long differ = calls.stream().filter(c -> !c.same()).count();
    for (Call call : calls) {
      if (call.same()) {
        continue;
      }
      out.printf(Locale.ROOT, "%n%s(%s)%n", call.function(),
          call.args().stream().map(Addresses::hex).collect(Collectors.joining(", ")));
      if (!call.a().summary().equals(call.b().summary())) {
        out.printf(Locale.ROOT, "  A %s%n  B %s%n", call.a().summary(), call.b().summary());
      }
      printWrites(out, call.a().peripheralWrites(), call.b().peripheralWrites());
    }
    out.println();
    out.println(differ == 0 ? "same behaviour: every call returned the same, wrote the same registers and changed"
        + " the same flash" : differ + " of " + calls.size() + " calls differ");
  }

  /** The register writes as a diff: lines only A made start with -, only B with +. */
  private static void printWrites(PrintWriter out, List<Write> a, List<Write> b) {
    if (a.equals(b)) {
      return;
    }
    int[][] common = new int[a.size() + 1][b.size() + 1];
    for (int i = a.size() - 1; i >= 0; i--) {
      for (int j = b.size() - 1; j >= 0; j--) {
        common[i][j] = a.get(i).equals(b.get(j)) ? common[i + 1][j + 1] + 1
            : Math.max(common[i + 1][j], common[i][j + 1]);
      }
    }
    List<String> lines = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a.size() || j < b.size()) {
      if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
        lines.add("    " + a.get(i++));
        j++;
      } else if (i < a.size() && (j == b.size() || common[i + 1][j] >= common[i][j + 1])) {
        lines.add("  - " + a.get(i++));
      } else {
        lines.add("  + " + b.get(j++));
      }
    }
    lines.forEach(out::println);
  }
}
