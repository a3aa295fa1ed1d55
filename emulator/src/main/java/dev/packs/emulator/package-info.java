/** Public API of the packs emulator module; everything else lives in {@code dev.packs.emulator.internal}. */
package dev.packs.emulator;
