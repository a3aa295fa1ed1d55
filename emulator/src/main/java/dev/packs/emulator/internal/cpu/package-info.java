/**
 * The Thumb/Thumb-2 interpreter. {@link dev.packs.emulator.internal.cpu.Cpu} holds the architectural
 * state and the run loop; {@code Thumb16} and {@code Thumb32} decode, and dispatch 32-bit encodings to
 * one class per group of the ARMv7-M ARM's decode tables ({@code DataProcessing},
 * {@code RegisterOperations}, {@code Multiply}, {@code LoadStoreSingle}, {@code LoadStoreMultiple},
 * {@code SystemRegisters}, with {@code Baseline} gating what ARMv6-M and ARMv8-M Baseline have).
 * Memory is reached only through {@link dev.packs.emulator.internal.cpu.Bus}; a run ends in a
 * {@link dev.packs.emulator.internal.cpu.Stop}, never an exception. Tests compare it with Unicorn.
 */
package dev.packs.emulator.internal.cpu;
