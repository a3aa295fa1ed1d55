package dev.packs.cache.internal.index;

import dev.packs.index.IndexException;
import dev.packs.index.PackDescriptor;
import dev.packs.index.PdscReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/** Reads descriptors with the index module's {@link PdscReader}. */
public final class Pdsc {
  private Pdsc() {}

  public static PackDescriptor read(byte[] bytes, String source) throws IOException {
    try {
      return PdscReader.read(new ByteArrayInputStream(bytes), source);
    } catch (IndexException e) {
      throw new IOException(e.getMessage(), e);
    }
  }
}
