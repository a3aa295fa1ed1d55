/** The flash engine: images, a pure planner, the algorithm session, erase/program/verify on any Target. */
module dev.packs.flash {
  requires transitive dev.packs.project;
  requires transitive dev.packs.target;

  exports dev.packs.flash;
}
