/** The pack root on disk, and everything that fetches into it or stores state under it. */
module dev.packs.cache {
  requires transitive dev.packs.index;
  requires transitive dev.packs.flm;
  requires java.xml;
  requires okhttp3;
  requires org.apache.commons.compress;
  requires com.fasterxml.jackson.databind;
  requires jdk.httpserver;

  exports dev.packs.cache;

  opens dev.packs.cache.internal.disk to com.fasterxml.jackson.databind;
  opens dev.packs.cache.internal.mirror to com.fasterxml.jackson.databind;
}
