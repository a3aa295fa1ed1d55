package dev.packs.index.internal.pdsc;

import java.util.Optional;

/**
 * Numbers and booleans as the reference implementation reads them: hexadecimal only with a {@code
 * 0x}/{@code 0X} prefix, decimal otherwise (a leading 0 never means octal), an optional {@code +},
 * 64-bit. Booleans are {@code 1}, {@code 0}, {@code true}, {@code false}.
 */
public final class Numbers {
  private Numbers() {}

  /** The value, or empty with no reason when it is not a number (the caller names the attribute). */
  public static Optional<Long> parse(String text) {
    String s = text.trim();
    if (s.startsWith("+")) {
      s = s.substring(1);
    }
    int radix = 10;
    if (s.length() > 1 && s.charAt(0) == '0' && (s.charAt(1) == 'x' || s.charAt(1) == 'X')) {
      s = s.substring(2);
      radix = 16;
    }
    if (s.isEmpty() || s.charAt(0) == '+' || s.charAt(0) == '-') {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseUnsignedLong(s, radix));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The boolean, or empty when it is none of the four accepted spellings. */
  public static Optional<Boolean> parseBoolean(String text) {
    return switch (text.trim()) {
      case "1", "true" -> Optional.of(Boolean.TRUE);
      case "0", "false" -> Optional.of(Boolean.FALSE);
      default -> Optional.empty();
    };
  }
}
