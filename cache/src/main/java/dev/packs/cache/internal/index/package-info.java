/**
 * The one small adapter between the cache and pack metadata: index entries, descriptor headers,
 * versions and pack requests. Replaced by the {@code dev.packs.index} API once it lands on main.
 */
package dev.packs.cache.internal.index;
