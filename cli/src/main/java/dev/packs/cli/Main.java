package dev.packs.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Entry point of the {@code packs} launcher. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, false, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int code = PacksCommand.create(out, err, Services.system(), args).execute(args);
    out.flush();
    err.flush();
    System.exit(code);
  }
}
