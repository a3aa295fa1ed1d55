package dev.packs.cache;

import java.net.URI;
import java.util.Objects;

/** A pack the public index lists: its newest version and where its descriptor lives. */
public record PublicPack(String vendor, String name, String version, URI url, boolean deprecated) {
  public PublicPack {
    Objects.requireNonNull(vendor, "vendor");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(url, "url");
  }

  public String id() {
    return vendor + "." + name + "." + version;
  }
}
