/** Pack index, descriptor and device-model readers, and the device database. No network I/O. */
module dev.packs.index {
  requires java.xml;

  exports dev.packs.index;
}
