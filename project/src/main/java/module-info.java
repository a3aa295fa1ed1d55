/** A project's targets: packs.yaml, packs.lock, pins, overrides, algorithm choice and target resolution. */
module dev.packs.project {
  requires transitive dev.packs.cache;
  requires transitive dev.packs.flm;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.yaml;

  exports dev.packs.project;
}
