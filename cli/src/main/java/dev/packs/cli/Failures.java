package dev.packs.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The one place where failures become messages and exit codes. No stack trace reaches the user
 * unless {@code PACKS_DEBUG=1} is set; an unexpected exception is reported as an internal error.
 */
final class Failures implements IExecutionExceptionHandler, IParameterExceptionHandler {
  private final PrintWriter err;

  Failures(PrintWriter err) {
    this.err = err;
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    err.println("packs: " + ex.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
    err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
    err.flush();
    return ExitCode.USAGE.code();
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine line, ParseResult parsed) {
    ExitCode code = ExitCodes.of(ex);
    if (code == ExitCode.INTERNAL) {
      err.println("packs: internal error: " + ex);
      ex.printStackTrace(err);
    } else {
      err.println("packs: " + ex.getMessage());
    }
    err.flush();
    return code.code();
  }
}
