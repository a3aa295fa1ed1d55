package dev.packs.cache;

import dev.packs.cache.internal.mirror.Mirrorer;
import dev.packs.cache.internal.net.Transports;
import java.nio.file.Path;

/**
 * Copies an index, its descriptors and pack archives into a folder that works as a pack server
 * wherever it is put: as a {@code file:} index URL, behind {@link MirrorServer}, or as plain static
 * files behind any web server. Every file is written atomically and its SHA-256 recorded in the
 * folder's {@code SHA256SUMS}; a rerun fetches only what changed, and completes a killed run.
 *
 * <pre>{@code
 * try (PackMirror mirror = PackMirror.open(config, listener)) {
 *   MirrorResult r = mirror.mirror(dir, new MirrorRequest(List.of("Keil::STM32G4xx_DFP"), false, Optional.empty()));
 * }
 * }</pre>
 */
public final class PackMirror implements AutoCloseable {
  private final CacheConfig config;
  private final CacheListener listener;
  private final Transports transports;

  private PackMirror(CacheConfig config, CacheListener listener) {
    this.config = config;
    this.listener = listener;
    this.transports = new Transports(config, listener);
  }

  /** A mirror that fetches from {@code config.indexUrl()}; the config's pack root is not used. */
  public static PackMirror open(CacheConfig config, CacheListener listener) {
    return new PackMirror(config, listener);
  }

  /**
   * Brings {@code dir} up to date with the index: the packs the folder already holds, plus those
   * {@code request} names, each with its requirements.
   *
   * @throws MirrorException when some items failed; it carries the full result
   * @throws PackNotFoundException when a requested pack is not in the index
   */
  public MirrorResult mirror(Path dir, MirrorRequest request) throws CacheException {
    MirrorResult result = new Mirrorer(config, listener, transports, dir.toAbsolutePath().normalize()).run(request);
    if (!result.failures().isEmpty()) {
      throw new MirrorException(result);
    }
    return result;
  }

  /** True when {@code dir} holds a mirror made by {@link #mirror}, which a run without requests refreshes. */
  public static boolean isMirror(Path dir) {
    return java.nio.file.Files.isRegularFile(dir.resolve(Mirrorer.STATE_DIR).resolve("state.json"));
  }

  @Override
  public void close() {
    transports.close();
  }
}
