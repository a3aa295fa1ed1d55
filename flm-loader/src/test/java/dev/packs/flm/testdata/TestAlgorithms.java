package dev.packs.flm.testdata;

import dev.packs.flm.FlashAlgorithm;
import dev.packs.flm.FlmLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The project's own compiled flash algorithms in {@code test-algorithms/build}, read in place. */
public final class TestAlgorithms {
  private TestAlgorithms() {}

  public static Path dir() {
    return Path.of(System.getProperty("packs.repo", "..")).resolve("test-algorithms/build");
  }

  public static Path path(String name) {
    return dir().resolve(name);
  }

  public static byte[] bytes(String name) {
    try {
      return Files.readAllBytes(path(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static FlashAlgorithm load(String name) {
    return FlmLoader.load(bytes(name), name);
  }

  /** Every built .flm, by file name. */
  public static List<String> names() {
    try (Stream<Path> files = Files.list(dir())) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".flm")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
