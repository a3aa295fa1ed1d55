package dev.packs.cli;

import dev.packs.flm.FlashAlgorithm;
import dev.packs.flm.FlmLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a local FLM named on the command line, relative to the working folder. */
final class AlgoFiles {
  private AlgoFiles() {}

  static Path resolve(Services services, String argument) {
    return services.workingDir().resolve(argument).normalize();
  }

  /**
   * Loads the file; the algorithm's source is the argument as the user typed it. Only what the loader
   * needs is read, so {@code /dev/zero} or a huge file fails at once with a clear error.
   */
  static FlashAlgorithm load(Services services, String argument) throws IOException {
    try (InputStream in = Files.newInputStream(resolve(services, argument))) {
      return FlmLoader.load(in, argument);
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(argument, null, "no such file");
    } catch (FileSystemException e) {
      throw new FileSystemException(argument, null, "cannot read: " + e.getReason());
    } catch (IOException e) {
      throw new FileSystemException(argument, null, "cannot read: " + e.getMessage());
    }
  }
}
