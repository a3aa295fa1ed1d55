package dev.packs.emulator.internal.cpu;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;

/**
 * An instruction encoding pattern for generated test programs, written MSB first as 16 or 32
 * characters. '0'/'1' are fixed bits; 'i' random bits; 'c' a condition (never 1111); 'd'/'e'
 * destination registers; 'n'/'m'/'a'/'t' source registers; 'B' the memory base register and 'X'
 * the index register; 'L' register-list bits (masked by the pattern's list mask). Bits of one
 * letter form one value, MSB first, even when they are not adjacent.
 */
record Template(String name, String pattern, int listMask, IntPredicate valid, IntUnaryOperator fixup) {
  /** Low registers an instruction may write (r6 index, r7 base are reserved in 16-bit code). */
  static final int[] LOW_DESTINATIONS = {0, 1, 2, 3, 4, 5};
  /** Registers any instruction may write (r6, r7, r9, r10 address memory; r13-r15 are reserved). */
  static final int[] DESTINATIONS = {0, 1, 2, 3, 4, 5, 8, 11, 12};

  Template {
    if (pattern.length() != 16 && pattern.length() != 32) {
      throw new IllegalArgumentException(name + ": pattern must have 16 or 32 bits");
    }
  }

  static Template of(String name, String pattern) {
    return new Template(name, pattern, 0xFFFF, e -> true, e -> e);
  }

  Template where(IntPredicate predicate) {
    return new Template(name, pattern, listMask, valid.and(predicate)::test, fixup);
  }

  Template fixed(IntUnaryOperator operator) {
    return new Template(name, pattern, listMask, valid, fixup.andThen(operator));
  }

  Template list(int mask) {
    return new Template(name, pattern, mask, valid, fixup);
  }

  boolean wide() {
    return pattern.length() == 32;
  }

  /** Draws a valid encoding; 32-bit encodings are hw1 << 16 | hw2. */
  int draw(Random random) {
    for (int attempt = 0; attempt < 1000; attempt++) {
      int encoding = fixup.applyAsInt(fill(random));
      if (valid.test(encoding)) {
        return encoding;
      }
    }
    throw new IllegalStateException(name + ": no valid encoding found");
  }

  private int fill(Random random) {
    int width = pattern.length();
    int encoding = 0;
    List<Character> letters = new ArrayList<>();
    for (char ch : pattern.toCharArray()) {
      if (ch != '0' && ch != '1' && !letters.contains(ch)) {
        letters.add(ch);
      }
    }
    for (int i = 0; i < width; i++) {
      if (pattern.charAt(i) == '1') {
        encoding |= 1 << (width - 1 - i);
      }
    }
    for (char letter : letters) {
      int bits = (int) pattern.chars().filter(ch -> ch == letter).count();
      int value = value(letter, bits, random);
      int k = bits - 1;
      for (int i = 0; i < width; i++) {
        if (pattern.charAt(i) == letter) {
          encoding |= ((value >>> k) & 1) << (width - 1 - i);
          k--;
        }
      }
    }
    return encoding;
  }

  private int value(char letter, int bits, Random random) {
    return switch (letter) {
      case 'd', 'e' -> bits == 3 ? pick(LOW_DESTINATIONS, random) : pick(DESTINATIONS, random);
      case 'n', 'm', 'a', 't' -> bits == 3 ? random.nextInt(8) : random.nextInt(13);
      case 'B' -> bits == 3 ? 7 : 9;
      case 'X' -> bits == 3 ? 6 : 10;
      case 'c' -> random.nextInt(15);
      case 'L' -> random.nextInt(1 << bits) & (listMask & ((1 << bits) - 1));
      default -> random.nextInt(1 << bits);
    };
  }

  private static int pick(int[] values, Random random) {
    return values[random.nextInt(values.length)];
  }
}
