package dev.packs.cli;

import dev.packs.cache.AlgorithmCacheException;
import dev.packs.flash.FlashException;
import dev.packs.flm.FlmException;
import dev.packs.project.ProjectException;
import dev.packs.index.IndexException;
import dev.packs.emulator.EmulatorException;
import dev.packs.target.TargetException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine.ParameterException;

/** Maps each module's exceptions to an {@link ExitCode}. Every mapping lives here. */
final class ExitCodes {
  private ExitCodes() {}

  static ExitCode of(Throwable failure) {
    if (failure instanceof IndexException e) {
      return ofIndex(e);
    }
    if (failure instanceof ProjectException e) {
      return ofProject(e);
    }
    if (failure instanceof dev.packs.cache.CacheException cache) {
      return ofCache(cache);
    }
    if (failure instanceof FlashException e) {
      return ofFlash(e);
    }
    if (failure instanceof ParameterException || failure instanceof UsageException) {
      return ExitCode.USAGE;
    }
    if (failure instanceof dev.packs.probe.ProbeException probe) {
      return ofProbe(probe);
    }
    if (failure instanceof TargetException || failure instanceof EmulatorException) {
      return ExitCode.TARGET; // the emulated or real target failed
    }
    if (failure instanceof NoSuchFileException) {
      return ExitCode.NOT_FOUND;
    }
    if (failure instanceof FlmException) { // a malformed FLM, or one that does not fit its RAM
      return ExitCode.FAILURE;
    }
    if (failure instanceof UncheckedIOException || failure instanceof java.io.IOException) {
      return ExitCode.FAILURE;
    }
    return ExitCode.INTERNAL;
  }

  private static ExitCode ofProbe(dev.packs.probe.ProbeException e) {
    if (e instanceof dev.packs.probe.ProbeException.NotFound) {
      return ExitCode.NOT_FOUND; // no such probe attached
    }
    if (e instanceof dev.packs.probe.ProbeException.Unsupported) {
      return ExitCode.FAILURE; // the probe's firmware cannot do it
    }
    return ExitCode.TARGET; // USB, protocol, transfer and timeout failures on the way to the target
  }

  private static ExitCode ofIndex(IndexException e) {
    if (e instanceof IndexException.NotFound) {
      return ExitCode.NOT_FOUND;
    }
    if (e instanceof IndexException.BadPackId || e instanceof IndexException.AmbiguousName) {
      return ExitCode.USAGE;
    }
    return ExitCode.FAILURE; // MalformedXml, NotADescriptor, BadAttribute
  }

  private static ExitCode ofFlash(FlashException failure) {
    if (failure instanceof FlashException.AlgorithmFailed || failure instanceof FlashException.VerifyFailed) {
      return ExitCode.TARGET;
    }
    return ExitCode.FAILURE; // BadImage, BadPlan: the image cannot go where it says
  }

  private static ExitCode ofProject(ProjectException failure) {
    if (failure instanceof ProjectException.BadConfig
        || failure instanceof ProjectException.AmbiguousTarget
        || failure instanceof ProjectException.AmbiguousAlgorithm
        || failure instanceof ProjectException.OverrideMismatch) {
      return ExitCode.USAGE;
    }
    if (failure instanceof ProjectException.UnknownTarget
        || failure instanceof ProjectException.PackNotInstalled
        || failure instanceof ProjectException.AlgorithmNotFound) {
      return ExitCode.NOT_FOUND;
    }
    return ExitCode.FAILURE; // CannotEdit, LockMismatch, FileFailure
  }

  private static ExitCode ofCache(dev.packs.cache.CacheException failure) {
    if (failure instanceof dev.packs.cache.ConfigException // a bad setting in the config file or the environment
        || failure instanceof dev.packs.cache.InvalidPackIdException) {
      return ExitCode.USAGE;
    }
    if (failure instanceof AlgorithmCacheException e) {
      return e.getCause() instanceof NoSuchFileException ? ExitCode.NOT_FOUND : ExitCode.FAILURE;
    }
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
