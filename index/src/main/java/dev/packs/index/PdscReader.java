package dev.packs.index;

import dev.packs.index.internal.pdsc.PdscParser;
import java.io.InputStream;

/**
 * Reads a pack descriptor ({@code .pdsc}) per PACK.xsd, accepting what vendors really publish:
 * elements in any order, legacy memory {@code id}s, {@code 0X} numbers, backslashes in paths. DTDs
 * and external entities are refused; an HTML page is reported as such.
 *
 * <p>A StAX cursor positions on the subtrees packs needs (releases, requirements, devices, boards),
 * binds them without reflection and skips the rest (see {@code bench/pdsc-throughput.sh}).
 */
public final class PdscReader {
  private PdscReader() {}

  /**
   * Parses a descriptor. Only a document that is not a descriptor fails: malformed XML, a DTD, an
   * HTML page, a root other than {@code <package>}, no {@code <vendor>} or {@code <name>}. An element
   * that cannot be read (a bad number, an address beyond 32 bits, a device without a name) is left
   * out and listed in {@link PackDescriptor#problems()}, so that one flaw never hides the rest.
   *
   * @param source names the input in messages (a path, URL or {@code pack!/file.pdsc})
   */
  public static PackDescriptor read(InputStream in, String source) throws IndexException {
    return PdscParser.parse(in, source);
  }
}
