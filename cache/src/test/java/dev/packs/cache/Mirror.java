package dev.packs.cache;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A pack server as vendors run it, on 127.0.0.1: {@code index.pidx}, {@code Vendor.Name.pdsc} and
 * {@code Vendor.Name.Version.pack}, all built from the real shared descriptors.
 */
final class Mirror implements AutoCloseable {
  final Path docs;
  final LoopbackServer server;
  private final List<String[]> entries = new ArrayList<>();

  Mirror(Path dir) throws IOException {
    docs = Files.createDirectories(dir.resolve("mirror"));
    server = new LoopbackServer(docs);
  }

  /** Lists the descriptor in the index, serves it as the latest descriptor, and serves its pack. */
  Mirror publish(String pdscFile) throws IOException {
    return publish(Fixtures.pdsc(pdscFile));
  }

  /** As {@link #publish(String)}, for a descriptor anywhere (for example an edited copy). */
  Mirror publish(Path pdsc) throws IOException {
    String[] h = Fixtures.header(pdsc);
    entries.removeIf(e -> e[0].equals(h[0]) && e[1].equals(h[1]));
    entries.add(h);
    Files.copy(pdsc, docs.resolve(h[0] + "." + h[1] + ".pdsc"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Fixtures.packOf(pdsc, h[0] + "." + h[1] + ".pdsc").writeTo(packPath(h[0], h[1], h[2]));
    return writeIndex();
  }

  /** Lists and serves a descriptor given as bytes (a real one, changed by the test) under this identity. */
  Mirror publish(String vendor, String name, String version, byte[] pdsc) throws IOException {
    entries.removeIf(e -> e[0].equals(vendor) && e[1].equals(name));
    entries.add(new String[] {vendor, name, version});
    Files.write(docs.resolve(vendor + "." + name + ".pdsc"), pdsc);
    return writeIndex();
  }

  /** Serves the pack of this descriptor's version without listing it: an older release. */
  Path packOnly(String pdscFile) throws IOException {
    String[] h = Fixtures.header(Fixtures.pdsc(pdscFile));
    return Fixtures.packOf(Fixtures.pdsc(pdscFile), h[0] + "." + h[1] + ".pdsc").writeTo(packPath(h[0], h[1], h[2]));
  }

  Path packPath(String vendor, String name, String version) {
    return docs.resolve(vendor + "." + name + "." + version + ".pack");
  }

  Mirror writeIndex() throws IOException {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<index schemaVersion=\"1.1.0\">\n");
    xml.append("<vendor>Mirror</vendor><url>").append(base()).append("</url>\n<pindex>\n");
    for (String[] e : entries) {
      xml.append("  <pdsc url=\"").append(base()).append("\" vendor=\"").append(e[0]).append("\" name=\"").append(e[1])
          .append("\" version=\"").append(e[2]).append("\"/>\n");
    }
    xml.append("</pindex>\n</index>\n");
    Files.writeString(docs.resolve("index.pidx"), xml);
    return this;
  }

  URI base() {
    return server.url("");
  }

  URI indexUrl() {
    return server.url("index.pidx");
  }

  @Override
  public void close() {
    server.close();
  }
}
