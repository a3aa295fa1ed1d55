package dev.packs.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The one place where failures become messages and exit codes. An expected failure prints its
 * message; an unexpected one (exit 70) prints one line saying it is a bug. The stack trace of any
 * failure is printed only when {@code PACKS_DEBUG} is set (to anything but {@code 0}).
 */
final class Failures implements IExecutionExceptionHandler, IParameterExceptionHandler {
  private final PrintWriter err;
  private final boolean debug;

  Failures(PrintWriter err, Services services) {
    this.err = err;
    this.debug = services.env("PACKS_DEBUG").filter(v -> !v.equals("0")).isPresent();
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    err.println("packs: " + ex.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
    err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
    trace(ex);
    return ExitCode.USAGE.code();
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine line, ParseResult parsed) {
    ExitCode code = ExitCodes.of(ex);
    if (code == ExitCode.INTERNAL) {
      err.println("packs: internal error (this is a bug; rerun with PACKS_DEBUG=1 for the stack trace): " + ex);
    } else {
      err.println("packs: " + ex.getMessage());
    }
    trace(ex);
    return code.code();
  }

  private void trace(Exception ex) {
    if (debug) {
      ex.printStackTrace(err);
    }
    err.flush();
  }
}
