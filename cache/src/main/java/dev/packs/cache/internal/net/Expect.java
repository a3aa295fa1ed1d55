package dev.packs.cache.internal.net;

/** What a body must look like; checked on its first bytes by every transport. */
public enum Expect {
  /** An XML document: an index or a descriptor. */
  XML,
  /** A zip archive: a pack. */
  ZIP
}
