/** A Cortex-M interpreter with a memory bus and flash-controller models. */
module dev.packs.emulator {
  requires transitive dev.packs.target;

  exports dev.packs.emulator;
}
