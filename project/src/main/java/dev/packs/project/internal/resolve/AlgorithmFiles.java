package dev.packs.project.internal.resolve;

import dev.packs.cache.AlgorithmCache;
import dev.packs.cache.AlgorithmCacheException;
import dev.packs.flm.FlashAlgorithm;
import dev.packs.flm.FlmLoader;
import dev.packs.project.ProjectException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** Parses the algorithm files resolution chooses; absent when a file does not exist. */
public interface AlgorithmFiles {
  /**
   * The algorithm in {@code file}.
   *
   * @throws dev.packs.flm.FlmFormatException when the file is not a usable FLM
   * @throws ProjectException.FileFailure when it exists but is a folder or a device, not a regular file
   */
  Optional<FlashAlgorithm> load(Path file);

  /**
   * True when {@code file} is a regular file, false when nothing is there; anything else (a folder,
   * {@code /dev/zero}) is an error that says what it is, never "does not exist".
   */
  static boolean present(Path file) {
    if (Files.isRegularFile(file)) {
      return true;
    }
    if (!Files.exists(file)) {
      return false;
    }
    String what = Files.isDirectory(file) ? "a folder" : "a device or special file";
    throw new ProjectException.FileFailure(file, "cannot read", new IOException("not a regular file but " + what));
  }

  /**
   * Through the algorithm cache: a file parsed before (same path, size, time and identity) is not
   * opened again.
   */
  static AlgorithmFiles cached(AlgorithmCache cache) {
    return file -> {
      if (!present(file)) {
        return Optional.empty();
      }
      try {
        return Optional.of(cache.load(file));
      } catch (AlgorithmCacheException e) {
        throw new ProjectException.FileFailure(file, "cannot read", e);
      }
    };
  }

  /** Reads and parses the file on every call. */
  static AlgorithmFiles parsing() {
    return file -> {
      if (!present(file)) {
        return Optional.empty();
      }
      try (java.io.InputStream in = Files.newInputStream(file)) {
        return Optional.of(FlmLoader.load(in, file.toString()));
      } catch (NoSuchFileException e) {
        return Optional.empty();
      } catch (IOException e) {
        throw new ProjectException.FileFailure(file, "cannot read", e);
      }
    };
  }
}
