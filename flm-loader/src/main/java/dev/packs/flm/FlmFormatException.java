package dev.packs.flm;

import java.util.Objects;

/**
 * An FLM file that cannot be turned into a flash algorithm. Every subclass names the file (the {@code
 * source} label the caller gave) and the problem.
 */
public abstract sealed class FlmFormatException extends FlmException {
  private final String source;

  private FlmFormatException(String source, String problem) {
    super(Objects.requireNonNull(source, "source") + ": " + problem);
    this.source = source;
  }

  /** The label of the file, as passed to {@link FlmLoader#load}. */
  public String source() {
    return source;
  }

  /** The file ends before a structure it declares. */
  public static final class Truncated extends FlmFormatException {
    private final String structure;

    public Truncated(String source, String structure) {
      super(source, "truncated FLM: the file ends inside the " + structure);
      this.structure = structure;
    }

    public String structure() {
      return structure;
    }
  }

  /** The file does not start with the ELF magic. */
  public static final class NotElf extends FlmFormatException {
    public NotElf(String source) {
      super(source, "not an ELF file (an FLM is an ELF32 little-endian ARM executable)");
    }
  }

  /** An ELF file, but not 32-bit little-endian. */
  public static final class WrongClass extends FlmFormatException {
    private final String found;

    public WrongClass(String source, String found) {
      super(source, "not an FLM: expected ELF32 little-endian, found " + found);
      this.found = found;
    }

    public String found() {
      return found;
    }
  }

  /** An ELF file for another processor. */
  public static final class WrongMachine extends FlmFormatException {
    private final int machine;

    public WrongMachine(String source, int machine) {
      super(source, "not an ARM FLM: ELF machine is " + machine + ", expected 40 (ARM)");
      this.machine = machine;
    }

    public int machine() {
      return machine;
    }
  }

  /** A required symbol (an entry point or {@code FlashDevice}) is not in the symbol table. */
  public static final class MissingSymbol extends FlmFormatException {
    private final String symbol;

    public MissingSymbol(String source, String symbol) {
      super(source, "missing symbol '" + symbol + "'");
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }
  }

  /** A required section ({@code PrgCode} or the symbol table) is not in the file. */
  public static final class MissingSection extends FlmFormatException {
    private final String section;

    public MissingSection(String source, String section) {
      super(source, "missing section '" + section + "'");
      this.section = section;
    }

    public String section() {
      return section;
    }
  }

  /** Two sections share a name and type, so the algorithm is ambiguous. */
  public static final class DuplicateSection extends FlmFormatException {
    private final String section;

    public DuplicateSection(String source, String section) {
      super(source, "section '" + section + "' appears more than once");
      this.section = section;
    }

    public String section() {
      return section;
    }
  }

  /** {@code PrgCode} must be linked at address 0; entry points are offsets from it. */
  public static final class CodeNotAtZero extends FlmFormatException {
    private final long address;

    public CodeNotAtZero(String source, long address) {
      super(source, String.format("PrgCode must start at 0x00000000, found 0x%08X", address));
      this.address = address;
    }

    public long address() {
      return address;
    }
  }

  /** Two of PrgCode, PrgData and the zero-initialised PrgData overlap. */
  public static final class OverlappingSections extends FlmFormatException {
    private final String first;
    private final String second;

    public OverlappingSections(String source, String first, String second) {
      super(source, "sections " + first + " and " + second + " overlap");
      this.first = first;
      this.second = second;
    }

    public String first() {
      return first;
    }

    public String second() {
      return second;
    }
  }

  /** The FlashDevice sector list runs to the end of its section without the 0xFFFFFFFF pair. */
  public static final class UnterminatedSectorList extends FlmFormatException {
    public UnterminatedSectorList(String source) {
      super(source, "FlashDevice sector list has no 0xFFFFFFFF, 0xFFFFFFFF terminator");
    }
  }

  /** The FlashDevice describes sectors that cannot exist (zero size, offsets not increasing, ...). */
  public static final class BadSectorList extends FlmFormatException {
    public BadSectorList(String source, String problem) {
      super(source, "bad FlashDevice sector list: " + problem);
    }
  }

  /** An entry point lies outside PrgCode. */
  public static final class EntryOutsideCode extends FlmFormatException {
    private final String symbol;
    private final long value;

    public EntryOutsideCode(String source, String symbol, long value, long codeSize) {
      super(
          source,
          String.format(
              "entry point '%s' at 0x%08X is outside PrgCode (size 0x%X)", symbol, value, codeSize));
      this.symbol = symbol;
      this.value = value;
    }

    public String symbol() {
      return symbol;
    }

    public long value() {
      return value;
    }
  }

  /** A file far larger than any flash algorithm; refused before it is read whole. */
  public static final class TooLarge extends FlmFormatException {
    private final long limit;

    public TooLarge(String source, long limit) {
      super(source, "larger than " + (limit >> 20) + " MiB, far beyond any flash algorithm; not read");
      this.limit = limit;
    }

    public long limit() {
      return limit;
    }
  }

  /**
   * A {@code FlashDevice} field that no device can have: a flash range beyond the 32-bit address
   * space or reaching into the Cortex-M system space at 0xE0000000, where no memory is ever flash.
   */
  public static final class BadFlashDevice extends FlmFormatException {
    private final String field;
    private final long value;

    public BadFlashDevice(String source, String field, long value, String problem) {
      super(source, String.format("FlashDevice %s 0x%08X: %s", field, value, problem));
      this.field = field;
      this.value = value;
    }

    /** The field as the FlashDevice structure names it: {@code DevAdr}, {@code szDev}, ... */
    public String field() {
      return field;
    }

    public long value() {
      return value;
    }
  }

  /** Any other structural problem in the ELF file, described in words. */
  public static final class Malformed extends FlmFormatException {
    public Malformed(String source, String problem) {
      super(source, "malformed FLM: " + problem);
    }
  }
}
