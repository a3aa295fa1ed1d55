/**
 * Debug probes as {@code dev.packs.target.Target}s: CMSIS-DAP v1 (HID) and v2 (bulk), ST-Link V2/V2-1/V3,
 * and virtual probes that decode the same packets over the emulator. Only this module touches USB.
 */
package dev.packs.probe;
