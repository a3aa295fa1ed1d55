package dev.packs.cache;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code packs mirror} copies into its folder, on top of what the folder already holds.
 *
 * @param packs pack requests in any cpackget form ({@code Vendor::Name@1.2.3}, {@code Vendor.Name},
 *     a bare {@code Name}); the packs their {@code <requirements>} name come too
 * @param all every pack the index lists, newest version of each
 * @param baseUrl where the folder will be served; written into {@code index.pidx} instead of the
 *     relative {@code ./}, for tools that cannot resolve relative URLs behind a plain web server
 */
public record MirrorRequest(List<String> packs, boolean all, Optional<URI> baseUrl) {
  public MirrorRequest {
    packs = List.copyOf(packs);
    Objects.requireNonNull(baseUrl, "baseUrl");
    if (baseUrl.isPresent() && !baseUrl.get().isAbsolute()) {
      throw new IllegalArgumentException("the base URL must be absolute: " + baseUrl.get());
    }
  }
}
