package dev.packs.emulator.internal.bus;

/**
 * A flash array whose reads a model answers itself: a NOR chip that returns status or
 * identification instead of data while it is in a command mode.
 */
public interface ArrayReader {
  /** A CPU read of {@code size} bytes at {@code offset} into the array. */
  int readArray(int offset, int size);
}
