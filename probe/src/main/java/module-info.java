/** USB debug probes (CMSIS-DAP v1/v2, ST-Link) as Targets, and virtual probes over the emulator. */
module dev.packs.probe {
  requires transitive dev.packs.target;
  requires dev.packs.emulator;
  requires usb4java;
  requires hid4java;

  exports dev.packs.probe;
}
