/**
 * The pack root on disk and everything that reaches it: HTTP, installs, the one lock and atomic writer,
 * the device database files and the algorithm cache. Everything else is in {@code internal}.
 */
package dev.packs.cache;
