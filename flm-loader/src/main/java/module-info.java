/** Flash algorithms: FLM parsing, RAM placement, the algorithm cache and target resolution. */
module dev.packs.flm {
  requires transitive dev.packs.cache;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.yaml;

  exports dev.packs.flm;

  opens dev.packs.flm.internal.export to com.fasterxml.jackson.databind;
}
