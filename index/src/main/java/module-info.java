/** Pack index, descriptor and device-model readers. No network I/O. */
module dev.packs.index {
  requires java.xml;
  requires jakarta.xml.bind;

  // exports dev.packs.index; (add back with the first public type)
}
