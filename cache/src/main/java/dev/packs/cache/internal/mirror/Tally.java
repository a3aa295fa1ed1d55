package dev.packs.cache.internal.mirror;

import java.util.concurrent.atomic.AtomicInteger;

/** Counts what a mirror run did with each file, across its worker threads. */
final class Tally {
  final AtomicInteger fetched = new AtomicInteger();
  final AtomicInteger notModified = new AtomicInteger();
  final AtomicInteger unchanged = new AtomicInteger();
}
