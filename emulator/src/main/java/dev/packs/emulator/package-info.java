/**
 * A Cortex-M emulator that runs flash algorithms with no board: a Thumb interpreter, a memory bus and
 * flash-controller models, exposed as a {@code dev.packs.target.Target}. Everything else is in {@code internal}.
 */
package dev.packs.emulator;
