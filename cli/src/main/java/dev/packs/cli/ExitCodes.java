package dev.packs.cli;

import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine.ParameterException;

/** Maps each module's exceptions to an {@link ExitCode}. Every mapping lives here. */
final class ExitCodes {
  private ExitCodes() {}

  static ExitCode of(Throwable failure) {
    if (failure instanceof dev.packs.cache.CacheException cache) {
      return ofCache(cache);
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

  private static ExitCode ofCache(dev.packs.cache.CacheException failure) {
    if (failure instanceof dev.packs.cache.OfflineException) {
      return ExitCode.OFFLINE;
    }
    if (failure instanceof dev.packs.cache.PackNotFoundException) {
      return ExitCode.NOT_FOUND;
    }
    if (failure instanceof dev.packs.cache.DownloadException d
        && d.reason() == dev.packs.cache.DownloadException.Reason.NOT_FOUND) {
      return ExitCode.NOT_FOUND;
    }
    return ExitCode.FAILURE;
  }
}
