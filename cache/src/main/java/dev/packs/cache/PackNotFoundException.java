package dev.packs.cache;

import java.util.Objects;

/** A pack, a version of it, or a file named on the command line does not exist where it was looked up. */
public final class PackNotFoundException extends CacheException {
  private final String request;
  private final String where;

  public PackNotFoundException(String request, String where) {
    super("not found: " + request + " (" + where + ")", null);
    this.request = Objects.requireNonNull(request, "request");
    this.where = Objects.requireNonNull(where, "where");
  }

  /** What was asked for, as the user wrote it. */
  public String request() {
    return request;
  }

  /** Where it was looked for, or why it did not match. */
  public String where() {
    return where;
  }
}
