package dev.packs.cache;

import dev.packs.cache.internal.disk.RootLock;
import dev.packs.flm.AlgorithmCodec;
import dev.packs.flm.ByteSource;
import dev.packs.flm.FlashAlgorithm;
import dev.packs.flm.FlmLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parsed algorithms stored by the SHA-256 of their FLM file, so later commands never reopen the FLM
 * or the pack it came from.
 *
 * <pre>
 * &lt;dir&gt;/v1/by-sha256/&lt;sha256&gt;.alg   the parsed algorithm (see AlgorithmCodec)
 * &lt;dir&gt;/v1/keys/&lt;sha256(key)&gt;.key   "sha256 of the FLM" + newline + the key, for one source
 * </pre>
 *
 * A key names content that cannot change under it: for a local file, its path, size, modification
 * time and file identity; for a pack entry, the caller's pack ID and path. The format version is part
 * of every path, so a new loader never reads an old entry. Every write goes through {@link AtomicFiles}
 * under the pack root's exclusive lock; entries are immutable once written, so reads need no lock. A
 * damaged entry is discarded and rebuilt; a cache that cannot be written (read-only root, lock held too
 * long) only costs a reparse next time.
 */
public final class AlgorithmCache {
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(10);

  private final PackRoot root;
  private final Path dir;
  private final AlgorithmCacheListener listener;

  private AlgorithmCache(PackRoot root, AlgorithmCacheListener listener) {
    this.root = Objects.requireNonNull(root, "root");
    this.dir = root.stateDir().resolve("algorithms").resolve("v" + AlgorithmCodec.FORMAT_VERSION);
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /** The cache of a pack root: {@code .packs/algorithms/} in its state folder, created on the first write. */
  public static AlgorithmCache in(PackRoot root, AlgorithmCacheListener listener) {
    return new AlgorithmCache(root, listener);
  }

  /**
   * The algorithm in a local FLM file, parsed at most once per version of the file.
   *
   * @throws AlgorithmCacheException if the file cannot be read
   * @throws FlmFormatException if it is not a usable FLM
   */
  public FlashAlgorithm load(Path flm) throws AlgorithmCacheException {
    Path file = flm.toAbsolutePath().normalize();
    String key = fileKey(file);
    String source = flm.toString();
    Optional<FlashAlgorithm> cached = lookup(key);
    if (cached.isPresent()) {
      return relabel(cached.get(), source);
    }
    listener.sourceOpened(source);
    FlashAlgorithm algo = readSource(file, source);
    if (fileKey(file).equals(key)) { // not edited while we read it
      store(key, algo);
    }
    return algo;
  }

  /**
   * Like {@link #load(Path)}, but empty when the file does not exist; fits {@code AlgorithmFiles}, so
   * target resolution can read algorithms through the cache: {@code AlgorithmCache.in(root, l)::find}.
   */
  public Optional<FlashAlgorithm> find(Path flm) throws AlgorithmCacheException {
    if (!Files.isRegularFile(flm)) {
      return Optional.empty();
    }
    return Optional.of(load(flm));
  }

  /**
   * The algorithm for {@code key}, reading it through {@code bytes} only when it is not cached.
   *
   * @param key names immutable content, e.g. {@code "pack:Keil.STM32G4xx_DFP@1.3.0:CMSIS/Flash/X.FLM"}
   * @param source the label for errors and for the result
   * @throws AlgorithmCacheException if {@code bytes} fails
   * @throws FlmFormatException if the bytes are not a usable FLM
   */
  public FlashAlgorithm load(String key, String source, ByteSource bytes) throws AlgorithmCacheException {
    Optional<FlashAlgorithm> cached = lookup(key);
    if (cached.isPresent()) {
      return relabel(cached.get(), source);
    }
    listener.sourceOpened(source);
    byte[] content;
    try {
      content = bytes.read();
    } catch (IOException e) {
      throw new AlgorithmCacheException(source, e);
    }
    FlashAlgorithm algo = FlmLoader.load(content, source);
    store(key, algo);
    return algo;
  }

  /**
   * The SHA-256 of a local FLM file, from the cache when this version of the file was seen before (the
   * file is then not opened), else by loading it. For lock files and {@code target show}.
   *
   * @throws AlgorithmCacheException if the file cannot be read
   * @throws FlmFormatException if it is not a usable FLM
   */
  public String sha256(Path flm) throws AlgorithmCacheException {
    Path file = flm.toAbsolutePath().normalize();
    Optional<String> known = knownSha256(fileKey(file));
    return known.isPresent() ? known.get() : load(flm).sha256();
  }

  /** The algorithm of an FLM with this SHA-256, if any run has parsed it; e.g. to check a lock file. */
  public Optional<FlashAlgorithm> bySha256(String sha256) {
    if (!SHA256.matcher(sha256).matches()) {
      return Optional.empty();
    }
    Path file = algorithmFile(sha256);
    return readEntry(file).flatMap(bytes -> decode(file, bytes, sha256));
  }

  private Optional<FlashAlgorithm> lookup(String key) {
    Optional<String> sha256 = knownSha256(key);
    Optional<FlashAlgorithm> algo = sha256.flatMap(this::bySha256);
    algo.ifPresent(a -> listener.hit(key, a.sha256()));
    return algo;
  }

  /** The SHA-256 recorded for {@code key}, if its key file is present and intact. */
  private Optional<String> knownSha256(String key) {
    Path keyFile = keyFile(key);
    Optional<byte[]> entry = readEntry(keyFile);
    if (entry.isEmpty()) {
      return Optional.empty();
    }
    String text = new String(entry.get(), StandardCharsets.UTF_8);
    int newline = text.indexOf('\n');
    if (newline != 64 || !SHA256.matcher(text.substring(0, 64)).matches()
        || !text.substring(65).equals(key)) {
      discard(keyFile, "key file does not match its key");
      return Optional.empty();
    }
    return Optional.of(text.substring(0, 64));
  }

  private Optional<FlashAlgorithm> decode(Path file, byte[] bytes, String sha256) {
    try {
      FlashAlgorithm algo = AlgorithmCodec.decode(bytes);
      if (algo.sha256().equals(sha256)) {
        return Optional.of(algo);
      }
      discard(file, "entry holds another algorithm");
    } catch (IOException e) {
      discard(file, e.getMessage());
    }
    return Optional.empty();
  }

  private Optional<byte[]> readEntry(Path file) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      listener.cacheFileRead(file);
      return Optional.of(bytes);
    } catch (IOException e) { // absent or unreadable: a miss; a later store replaces it
      return Optional.empty();
    }
  }

  private void store(String key, FlashAlgorithm algo) {
    Path algoFile = algorithmFile(algo.sha256());
    try (RootLock lock = RootLock.acquire(root.stateDir(), RootLock.Mode.EXCLUSIVE, "store a parsed flash algorithm",
        LOCK_TIMEOUT, Clock.systemUTC(), new CacheListener() {})) {
      if (!Files.exists(algoFile)) {
        AtomicFiles.writeBytes(algoFile, AlgorithmCodec.encode(algo));
        listener.stored(algoFile);
      }
      String keyText = algo.sha256() + "\n" + key;
      Path keyFile = keyFile(key);
      AtomicFiles.writeBytes(keyFile, keyText.getBytes(StandardCharsets.UTF_8));
      listener.stored(keyFile);
    } catch (CacheIoException e) {
      listener.storeFailed(e.path(), e.getCause() instanceof IOException io ? io : new IOException(e.getMessage()));
    } catch (LockTimeoutException e) {
      listener.storeFailed(algoFile, new IOException(e.getMessage(), e));
    }
  }

  private void discard(Path file, String reason) {
    listener.discarded(file, reason);
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      listener.storeFailed(file, e);
    }
  }

  /** Parses the file, reading no more of it than {@link FlmLoader#load(java.io.InputStream, String)} needs. */
  private FlashAlgorithm readSource(Path file, String source) throws AlgorithmCacheException {
    try (java.io.InputStream in = Files.newInputStream(file)) {
      return FlmLoader.load(in, source);
    } catch (IOException e) {
      throw new AlgorithmCacheException(file.toString(), e);
    }
  }

  /** Stat only: path, size, modification time and inode name a version of a file without opening it. */
  private static String fileKey(Path file) throws AlgorithmCacheException {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      return "file:" + file + "|" + a.size() + "|" + a.lastModifiedTime().toInstant() + "|" + a.fileKey();
    } catch (IOException e) {
      throw new AlgorithmCacheException(file.toString(), e);
    }
  }

  private static FlashAlgorithm relabel(FlashAlgorithm algo, String source) {
    return algo.source().equals(source) ? algo : algo.withSource(source);
  }

  private Path algorithmFile(String sha256) {
    return dir.resolve("by-sha256").resolve(sha256 + ".alg");
  }

  private Path keyFile(String key) {
    return dir.resolve("keys").resolve(sha256(key.getBytes(StandardCharsets.UTF_8)) + ".key");
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
