package dev.packs.project.internal.config;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One {@code key: value  # comment} line of a block mapping, split so the value can be replaced
 * while the key's spelling and the comment stay as written.
 *
 * @param head everything up to and including the colon
 * @param value the value text, trimmed, without the comment
 * @param comment the comment with the spaces before it, or empty
 */
record YamlLine(int indent, String key, String head, String value, String comment) {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./~][A-Za-z0-9_./~@:+\\-]*");
  private static final Pattern NUMBERISH = Pattern.compile("[-+]?(\\.?[0-9][0-9a-fA-FxXoO_.:eE+\\-]*|\\.inf|\\.nan)");
  private static final Set<String> WORDS =
      Set.of("true", "false", "yes", "no", "on", "off", "y", "n", "null", "~");

  static boolean isBlankOrComment(String raw) {
    String t = raw.strip();
    return t.isEmpty() || t.startsWith("#") || t.equals("---");
  }

  static int indentOf(String raw) {
    int i = 0;
    while (i < raw.length() && raw.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  /** Parses a key line; {@code number} is the 1-based line number for errors. */
  static YamlLine parse(String raw, int number) {
    int indent = indentOf(raw);
    String rest = raw.substring(indent);
    if (rest.startsWith("\t")) {
      throw new IllegalStateException("line " + number + ": tab indentation is not supported");
    }
    if (rest.startsWith("- ") || rest.equals("-") || rest.startsWith("{") || rest.startsWith("[")) {
      throw new IllegalStateException("line " + number + ": lists and flow collections are not supported here");
    }
    int colon = keyEnd(rest, number);
    String key = unquote(rest.substring(0, colon).strip());
    String afterColon = rest.substring(colon + 1);
    int hash = commentStart(afterColon);
    String value = (hash < 0 ? afterColon : afterColon.substring(0, hash)).strip();
    String comment = "";
    if (hash >= 0) {
      int from = hash;
      while (from > 0 && afterColon.charAt(from - 1) == ' ') {
        from--;
      }
      comment = afterColon.substring(from);
    }
    return new YamlLine(indent, key, raw.substring(0, indent + colon + 1), value, comment);
  }

  /** The same line holding {@code newValue} (empty for a block), its comment kept. */
  String withValue(String newValue) {
    return head + (newValue.isEmpty() ? "" : " " + newValue) + comment;
  }

  /** Keys match without case, and numbers match by value ({@code 0x8000000} = {@code 0x08000000}). */
  static boolean sameKey(String written, String wanted) {
    if (written.equalsIgnoreCase(wanted)) {
      return true;
    }
    Optional<Long> a = Numbers.parse(written);
    return a.isPresent() && a.equals(Numbers.parse(wanted));
  }

  /** A value written plain when YAML reads it back as the same string, else double-quoted. */
  static String scalar(String value) {
    boolean plain =
        PLAIN.matcher(value).matches()
            && !value.endsWith(":")
            && !WORDS.contains(value.toLowerCase(Locale.ROOT))
            && !NUMBERISH.matcher(value).matches();
    if (plain) {
      return value;
    }
    return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  /** A mapping key; addresses stay plain since keys are always read as text. */
  static String key(String key) {
    return key.toLowerCase(Locale.ROOT).startsWith("0x") && Numbers.parse(key).isPresent() ? key : scalar(key);
  }

  private static int keyEnd(String rest, int number) {
    if (rest.startsWith("\"") || rest.startsWith("'")) {
      char quote = rest.charAt(0);
      int close = rest.indexOf(quote, 1);
      if (close > 0 && close + 1 < rest.length() && rest.charAt(close + 1) == ':') {
        return close + 1;
      }
    } else {
      for (int i = 0; i < rest.length(); i++) {
        if (rest.charAt(i) == ':' && (i + 1 == rest.length() || rest.charAt(i + 1) == ' ')) {
          return i;
        }
        if (rest.charAt(i) == '#' && i > 0 && rest.charAt(i - 1) == ' ') {
          break;
        }
      }
    }
    throw new IllegalStateException("line " + number + ": expected 'key: value'");
  }

  /** Where a {@code #} comment starts outside quotes, or -1. */
  private static int commentStart(String text) {
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        if (text.substring(0, i).isBlank()) {
          quote = c;
        }
      } else if (c == '#' && (i == 0 || text.charAt(i - 1) == ' ')) {
        return i;
      }
    }
    return -1;
  }

  private static String unquote(String key) {
    if (key.length() >= 2
        && (key.startsWith("\"") && key.endsWith("\"") || key.startsWith("'") && key.endsWith("'"))) {
      return key.substring(1, key.length() - 1);
    }
    return key;
  }
}
