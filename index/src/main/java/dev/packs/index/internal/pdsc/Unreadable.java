package dev.packs.index.internal.pdsc;

/**
 * One element of a descriptor that cannot be read: an attribute that is not a number, an address
 * beyond 32 bits, a required attribute missing. The caller skips the element and records why.
 */
final class Unreadable extends Exception {
  Unreadable(String element, String attribute, String value, String reason) {
    super(String.format("bad value '%s' for attribute '%s' of <%s>: %s", value, attribute, element, reason), null, false, false);
  }
}
