package dev.packs.cli;

import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine.ParameterException;

/** Maps each module's exceptions to an {@link ExitCode}. Every mapping lives here. */
final class ExitCodes {
  private ExitCodes() {}

  static ExitCode of(Throwable failure) {
    if (failure instanceof ParameterException || failure instanceof IllegalArgumentException) {
      return ExitCode.USAGE;
    }
    if (failure instanceof NoSuchFileException) {
      return ExitCode.NOT_FOUND;
    }
    if (failure instanceof UncheckedIOException || failure instanceof java.io.IOException) {
      return ExitCode.FAILURE;
    }
    return ExitCode.INTERNAL;
  }
}
