package dev.packs.cli;

import dev.packs.flm.FlashAlgorithm;
import dev.packs.flm.FlmLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a local FLM named on the command line, relative to the working folder. */
final class AlgoFiles {
  private AlgoFiles() {}

  static Path resolve(Services services, String argument) {
    return services.workingDir().resolve(argument).normalize();
  }

  /** Loads the file; the algorithm's source is the argument as the user typed it. */
  static FlashAlgorithm load(Services services, String argument) throws IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(resolve(services, argument));
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(argument, null, "no such file");
    }
    return FlmLoader.load(bytes, argument);
  }
}
