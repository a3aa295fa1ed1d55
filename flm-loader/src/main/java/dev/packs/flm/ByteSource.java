package dev.packs.flm;

import java.io.IOException;

/** Opens and reads the bytes of an FLM; the cache calls it only on a miss. */
@FunctionalInterface
public interface ByteSource {
  byte[] read() throws IOException;
}
