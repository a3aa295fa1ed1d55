/** Public API of the packs index module; everything else lives in {@code dev.packs.index.internal}. */
package dev.packs.index;
