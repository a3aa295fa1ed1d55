package dev.packs.index;

import dev.packs.index.internal.pdsc.PdscParser;
import java.io.InputStream;

/**
 * Reads a pack descriptor ({@code .pdsc}) per PACK.xsd, accepting what vendors really publish:
 * elements in any order, legacy memory {@code id}s, {@code 0X} numbers, backslashes in paths. DTDs
 * and external entities are refused; an HTML page is reported as such.
 *
 * <p>A StAX cursor positions on the subtrees packs needs (releases, requirements, devices, boards)
 * and skips the rest. Those subtrees are bound either by JAXB or by a hand-written StAX binder; both
 * give equal results. {@link #read(InputStream, String)} uses the StAX binder because JAXB does not
 * reach the throughput goal (see {@code bench/pdsc-throughput.sh}).
 */
public final class PdscReader {
  private PdscReader() {}

  /** How the descriptor's subtrees are bound to objects. */
  public enum Binding {
    /** The StAX cursor fills the binding classes itself: fastest, no reflection. */
    STAX,
    /** JAXB unmarshals each subtree from the StAX cursor. */
    JAXB
  }

  /**
   * Parses a descriptor with the default binding, {@link Binding#STAX}.
   *
   * @param source names the input in messages (a path, URL or {@code pack!/file.pdsc})
   */
  public static PackDescriptor read(InputStream in, String source) throws IndexException {
    return read(in, source, Binding.STAX);
  }

  /** Parses a descriptor with the given binding. */
  public static PackDescriptor read(InputStream in, String source, Binding binding) throws IndexException {
    return PdscParser.parse(in, source, binding == Binding.JAXB);
  }
}
