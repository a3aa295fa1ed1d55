package dev.packs.cli;

import dev.packs.flm.ProjectException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine.ParameterException;

/** Maps each module's exceptions to an {@link ExitCode}. Every mapping lives here. */
final class ExitCodes {
  private ExitCodes() {}

  static ExitCode of(Throwable failure) {
    if (failure instanceof ProjectException project) {
      return ofProject(project);
    }
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

  private static ExitCode ofProject(ProjectException failure) {
    if (failure instanceof ProjectException.BadConfig
        || failure instanceof ProjectException.AmbiguousTarget
        || failure instanceof ProjectException.AmbiguousAlgorithm) {
      return ExitCode.USAGE;
    }
    if (failure instanceof ProjectException.UnknownTarget
        || failure instanceof ProjectException.PackNotInstalled
        || failure instanceof ProjectException.AlgorithmNotFound) {
      return ExitCode.NOT_FOUND;
    }
    return ExitCode.FAILURE;
  }
}
