package dev.packs.index;

import java.util.List;

/**
 * The root of every failure in the index module. Each subclass carries the facts a user needs: the
 * file, the line and column, the attribute, the name that was looked up.
 */
public abstract sealed class IndexException extends Exception {
  private IndexException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The input is not well-formed XML, or uses a forbidden construct such as a DTD. */
  public static final class MalformedXml extends IndexException {
    private final String source;
    private final int line;
    private final int column;

    public MalformedXml(String source, int line, int column, String detail, Throwable cause) {
      super(String.format("%s:%d:%d: malformed XML: %s", source, line, column, detail), cause);
      this.source = source;
      this.line = line;
      this.column = column;
    }

    public String source() {
      return source;
    }

    public int line() {
      return line;
    }

    public int column() {
      return column;
    }
  }

  /** The input is a document of another kind: an HTML page, a legacy index, another XML root. */
  public static final class NotADescriptor extends IndexException {
    private final String source;

    public NotADescriptor(String source, String expected, String found) {
      super(String.format("%s: expected %s but found %s", source, expected, found), null);
      this.source = source;
    }

    public String source() {
      return source;
    }
  }

  /** An attribute value that cannot be read, such as a number that is not a number. */
  public static final class BadAttribute extends IndexException {
    private final String source;
    private final String element;
    private final String attribute;
    private final String value;

    public BadAttribute(String source, String element, String attribute, String value, String reason) {
      super(
          String.format(
              "%s: bad value '%s' for attribute '%s' of <%s>: %s",
              source, value, attribute, element, reason),
          null);
      this.source = source;
      this.element = element;
      this.attribute = attribute;
      this.value = value;
    }

    public String source() {
      return source;
    }

    public String element() {
      return element;
    }

    public String attribute() {
      return attribute;
    }

    public String value() {
      return value;
    }
  }

  /** A pack reference the user typed that does not follow any accepted form. */
  public static final class BadPackId extends IndexException {
    private final String text;

    public BadPackId(String text, String reason) {
      super(String.format("bad pack ID '%s': %s", text, reason), null);
      this.text = text;
    }

    public String text() {
      return text;
    }
  }

  /** No pack, device or version matches what was asked for. */
  public static final class NotFound extends IndexException {
    private final String what;

    public NotFound(String what, String detail) {
      super(detail.isEmpty() ? what + " not found" : what + " not found; " + detail, null);
      this.what = what;
    }

    public String what() {
      return what;
    }
  }

  /** A bare pack name that more than one vendor publishes. */
  public static final class AmbiguousName extends IndexException {
    private final String name;
    private final List<String> vendors;

    public AmbiguousName(String name, List<String> vendors) {
      super(
          String.format(
              "pack name '%s' is ambiguous; it is published by %s; write Vendor::%s",
              name, String.join(", ", vendors), name),
          null);
      this.name = name;
      this.vendors = List.copyOf(vendors);
    }

    public String name() {
      return name;
    }

    public List<String> vendors() {
      return vendors;
    }
  }
}
