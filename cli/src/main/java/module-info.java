/** The packs command line. */
module dev.packs.cli {
  requires dev.packs.index;
  requires dev.packs.cache;
  requires dev.packs.flm;
  requires dev.packs.project;
  requires dev.packs.flash;
  requires dev.packs.probe;
  requires dev.packs.emulator;
  requires info.picocli;
  requires com.fasterxml.jackson.databind;

  opens dev.packs.cli to info.picocli, com.fasterxml.jackson.databind;
}
