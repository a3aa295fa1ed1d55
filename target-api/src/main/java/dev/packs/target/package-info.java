/** Public API of the packs target module; everything else lives in {@code dev.packs.target.internal}. */
package dev.packs.target;
