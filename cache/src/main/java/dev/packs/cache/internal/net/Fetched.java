package dev.packs.cache.internal.net;

/** The outcome of a fetch that did not fail. */
public sealed interface Fetched {
  /** The server confirmed the copy we have; nothing was written. */
  record NotModified() implements Fetched {}

  /** The body was written to the target file. */
  record Downloaded(Validators validators, long bytes) implements Fetched {}
}
