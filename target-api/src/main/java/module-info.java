/** The debug-target contract the flash engine drives: memory, core registers, run and halt. */
module dev.packs.target {
  exports dev.packs.target;
}
