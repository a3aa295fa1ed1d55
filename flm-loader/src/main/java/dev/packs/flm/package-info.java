/** Public API of the packs flm-loader module; everything else lives in {@code dev.packs.flm.internal}. */
package dev.packs.flm;
