/** Flash algorithms: FLM parsing into immutable algorithms, RAM placement, and export formats. */
module dev.packs.flm {
  requires com.fasterxml.jackson.databind;

  exports dev.packs.flm;

  opens dev.packs.flm.internal.export to com.fasterxml.jackson.databind;
}
