/** Public API of the packs cache module; everything else lives in {@code dev.packs.cache.internal}. */
package dev.packs.cache;
