package dev.packs.index.testdata;

import dev.packs.index.Device;
import dev.packs.index.DeviceResolver;
import dev.packs.index.IndexException;
import dev.packs.index.PackDescriptor;
import dev.packs.index.PdscReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The real descriptors and indexes in {@code ../shared/data}, read in place. */
public final class SharedData {
  private SharedData() {}

  public static Path dir(String sub) {
    return Path.of(System.getProperty("packs.shared", "../../shared")).resolve("data").resolve(sub);
  }

  public static Path pdsc(String name) {
    return dir("pdsc").resolve(name);
  }

  public static List<Path> all(String sub, String... suffixes) {
    try (Stream<Path> files = Files.list(dir(sub))) {
      return files
          .filter(p -> Stream.of(suffixes).anyMatch(s -> p.getFileName().toString().endsWith(s)))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static PackDescriptor read(String name) throws IOException, IndexException {
    Path p = pdsc(name);
    try (InputStream in = Files.newInputStream(p)) {
      return PdscReader.read(in, p.getFileName().toString());
    }
  }

  public static Device device(String pdsc, String name) throws IOException, IndexException {
    return DeviceResolver.resolve(read(pdsc), name).orElseThrow();
  }
}
