package dev.packs.flash;

/** The functions of a CMSIS flash algorithm, with how many arguments each takes in r0-r3. */
public enum AlgorithmFunction {
  INIT("Init", 3, "flash init"),
  UNINIT("UnInit", 1, "flash uninit"),
  ERASE_SECTOR("EraseSector", 1, "flash erase sector"),
  PROGRAM_PAGE("ProgramPage", 3, "flash program page"),
  ERASE_CHIP("EraseChip", 0, "flash erase chip"),
  BLANK_CHECK("BlankCheck", 3, "flash blank check"),
  VERIFY("Verify", 3, "flash verify");

  private final String symbol;
  private final int arity;
  private final String phrase;

  AlgorithmFunction(String symbol, int arity, String phrase) {
    this.symbol = symbol;
    this.arity = arity;
    this.phrase = phrase;
  }

  /** The symbol in the FLM, for example {@code EraseSector}. */
  public String symbol() {
    return symbol;
  }

  public int arity() {
    return arity;
  }

  /** How a failure message names the call, as pyOCD does: {@code flash erase sector}. */
  public String phrase() {
    return phrase;
  }

  /** The function with this symbol, in any case. */
  public static AlgorithmFunction named(String name) {
    for (AlgorithmFunction f : values()) {
      if (f.symbol.equalsIgnoreCase(name.strip())) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown flash-algorithm function '" + name
        + "'; expected one of Init, UnInit, EraseSector, ProgramPage, EraseChip, BlankCheck, Verify");
  }
}
