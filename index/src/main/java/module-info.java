/** Pack index, descriptor and device-model readers, and the device database. No network I/O. */
module dev.packs.index {
  requires java.xml;
  requires jakarta.xml.bind;

  exports dev.packs.index;

  opens dev.packs.index.internal.pdsc to jakarta.xml.bind;
}
