package dev.packs.emulator.internal.cpu;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Loads the assembled test programs under {@code asm/} (sources and build.sh beside them). */
final class Fixtures {
  private Fixtures() {}

  static byte[] program(String name) {
    return resource("asm/" + name + ".bin");
  }

  /** A compiled image from {@code c/} (algorithm.c, rebuilt by c/build.sh). */
  static byte[] compiled(String name) {
    return resource("c/" + name + ".bin");
  }

  private static byte[] resource(String path) {
    try (InputStream in = Fixtures.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + path + "; run the build.sh beside it");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
