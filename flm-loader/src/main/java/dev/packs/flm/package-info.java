/**
 * Flash algorithms: an {@code .FLM} ELF file into an immutable {@code FlashAlgorithm}, its RAM placement,
 * and export formats for other tools. Depends on no other packs module; everything else is in {@code internal}.
 */
package dev.packs.flm;
