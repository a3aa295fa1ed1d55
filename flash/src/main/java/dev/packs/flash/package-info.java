/**
 * The flash engine: reads images (bin, hex, srec, elf), plans erase and program as a pure function, and
 * runs flash algorithms on any {@code dev.packs.target.Target}. Reports through listeners; never prints.
 */
package dev.packs.flash;
