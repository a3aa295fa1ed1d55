/**
 * The debug-target contract the flash engine drives: memory, core registers, run to a breakpoint, halt.
 * The emulator and the USB probes implement it; the engine never knows which it has.
 */
package dev.packs.target;
