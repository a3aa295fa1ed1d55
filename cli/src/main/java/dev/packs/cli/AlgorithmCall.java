package dev.packs.cli;

import dev.packs.flash.AlgorithmFunction;
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
record AlgorithmCall(AlgorithmFunction function, List<Long> args) {
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
    AlgorithmFunction function = AlgorithmFunction.named(parts[0].strip());
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
