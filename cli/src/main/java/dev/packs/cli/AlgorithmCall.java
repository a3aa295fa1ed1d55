package dev.packs.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * One flash-algorithm function call asked for on the command line, such as {@code
 * Init:0x08000000,0,1} or {@code EraseSector:0x08004000}. Arguments may be left out; the runner
 * fills in defaults.
 */
record AlgorithmCall(Function function, List<Long> args) {
  /** The functions of a CMSIS flash algorithm and how many arguments each takes. */
  enum Function {
    INIT("Init", 3),
    UNINIT("UnInit", 1),
    ERASE_SECTOR("EraseSector", 1),
    PROGRAM_PAGE("ProgramPage", 3),
    ERASE_CHIP("EraseChip", 0),
    BLANK_CHECK("BlankCheck", 3),
    VERIFY("Verify", 3);

    private final String symbol;
    private final int arity;

    Function(String symbol, int arity) {
      this.symbol = symbol;
      this.arity = arity;
    }

    /** The symbol name in the FLM, for example {@code EraseSector}. */
    String symbol() {
      return symbol;
    }

    int arity() {
      return arity;
    }

    static Function named(String name) {
      for (Function f : values()) {
        if (f.symbol.equalsIgnoreCase(name)) {
          return f;
        }
      }
      throw new TypeConversionException("unknown flash-algorithm function '" + name
          + "'; expected one of Init, UnInit, EraseSector, ProgramPage, EraseChip, BlankCheck, Verify");
    }
  }

  AlgorithmCall {
    Objects.requireNonNull(function, "function");
    args = List.copyOf(args);
    if (args.size() > function.arity()) {
      throw new IllegalArgumentException(String.format("%s takes at most %d arguments, not %d",
          function.symbol(), function.arity(), args.size()));
    }
    for (long arg : args) {
      if (arg < 0 || arg > 0xFFFF_FFFFL) {
        throw new IllegalArgumentException("argument is not a 32-bit value: " + arg);
      }
    }
  }

  /**
   * Parses {@code NAME[:ARG[,ARG...]]}; numbers are decimal or 0x-prefixed hexadecimal.
   *
   * @throws TypeConversionException naming what is wrong, for picocli to report against {@code --call}
   */
  static AlgorithmCall parse(String text) {
    String[] parts = text.strip().split(":", 2);
    Function function = Function.named(parts[0].strip());
    List<Long> args = new ArrayList<>();
    if (parts.length == 2 && !parts[1].isBlank()) {
      for (String arg : parts[1].split(",")) {
        long value = number(arg);
        if (value > 0xFFFF_FFFFL) {
          throw new TypeConversionException("argument is not a 32-bit value: '" + arg.strip() + "'");
        }
        args.add(value);
      }
    }
    if (args.size() > function.arity()) {
      throw new TypeConversionException(String.format("%s takes at most %d arguments, not %d",
          function.symbol(), function.arity(), args.size()));
    }
    return new AlgorithmCall(function, args);
  }

  /** Parses a decimal or 0x-prefixed hexadecimal unsigned number. */
  static long number(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT).replace("_", "");
    try {
      long value = t.startsWith("0x") ? Long.parseLong(t.substring(2), 16) : Long.parseLong(t);
      if (value >= 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new TypeConversionException("not an unsigned number: '" + text.strip() + "'");
  }

  /** Reads {@code --call} values. */
  static final class Converter implements ITypeConverter<AlgorithmCall> {
    @Override
    public AlgorithmCall convert(String value) {
      return parse(value);
    }
  }
}
