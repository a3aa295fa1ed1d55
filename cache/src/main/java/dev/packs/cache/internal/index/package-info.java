/**
 * The thin seam between the cache and the {@code dev.packs.index} readers: index entries as {@link
 * dev.packs.cache.PublicPack}, descriptors from bytes or files, pack IDs and version strings.
 */
package dev.packs.cache.internal.index;
