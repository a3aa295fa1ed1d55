package dev.packs.project.internal.config;

import java.util.Locale;
import java.util.Optional;

/** Unsigned 32-bit numbers as users write them: {@code 0x08000000}, {@code 134217728}. */
public final class Numbers {
  private Numbers() {}

  /** The value, or empty when the text is not a number in 0..0xFFFFFFFF. */
  public static Optional<Long> parse(String text) {
    String t = text.strip().replace("_", "").toLowerCase(Locale.ROOT);
    try {
      long value =
          t.startsWith("0x") ? Long.parseLong(t.substring(2), 16) : Long.parseLong(t, 10);
      return value >= 0 && value <= 0xFFFF_FFFFL ? Optional.of(value) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  public static String hex(long value) {
    return String.format("0x%08X", value);
  }
}
