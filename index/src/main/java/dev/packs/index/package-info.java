/**
 * Pure readers and codecs for CMSIS-Pack data: indexes, descriptors, effective devices, versions, pack IDs
 * and the device database's binary format. No files, no network; everything else is in {@code internal}.
 */
package dev.packs.index;
