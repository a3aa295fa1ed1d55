package dev.packs.cli;

import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** 32-bit addresses on the command line: {@code 0x08040000} or decimal. */
final class Addresses {
  private Addresses() {}

  static long parse(CommandSpec spec, String option, String text) {
    String t = text.strip().replace("_", "").toLowerCase(Locale.ROOT);
    try {
      long value = t.startsWith("0x") ? Long.parseLong(t.substring(2), 16) : Long.parseLong(t);
      if (value >= 0 && value <= 0xFFFF_FFFFL) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new CommandLine.ParameterException(spec.commandLine(),
        "Invalid value for " + option + ": '" + text + "' is not a 32-bit address such as 0x08040000");
  }

  static String hex(long value) {
    return String.format("0x%08X", value);
  }
}
