package dev.packs.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.packs.flm.ByteSource;
import dev.packs.flm.testdata.TestAlgorithms;
import dev.packs.flm.FlashAlgorithm;
import dev.packs.flm.FlmFormatException;
import dev.packs.flm.FlmLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

// Real FLMs copied into a temporary folder, so the tests may edit them.
class AlgorithmCacheTest {
  @TempDir Path temp;

  /** Records every event, so tests can count what was opened. */
  static final class Events implements AlgorithmCacheListener {
    final List<String> opened = new ArrayList<>();
    final List<Path> read = new ArrayList<>();
    final List<Path> stored = new ArrayList<>();
    final List<String> discarded = new ArrayList<>();
    final List<Path> failed = new ArrayList<>();

    @Override
    public void sourceOpened(String source) {
      opened.add(source);
    }

    @Override
    public void cacheFileRead(Path file) {
      read.add(file);
    }

    @Override
    public void stored(Path file) {
      stored.add(file);
    }

    @Override
    public void discarded(Path file, String reason) {
      discarded.add(file.getFileName() + ": " + reason);
    }

    @Override
    public void storeFailed(Path file, IOException cause) {
      failed.add(file);
    }
  }

  private Path flm(String name) throws IOException {
    return Files.copy(TestAlgorithms.path(name), temp.resolve(name));
  }

  private Path cacheDir() {
    return temp.resolve("cache");
  }

  @Test
  void secondLookupOfAnUnchangedFileNeverOpensIt() throws Exception {
    Path flm = flm("sfc_m4_Os.flm");
    Events first = new Events();
    FlashAlgorithm parsed = AlgorithmCache.in(new PackRoot(cacheDir()), first).load(flm);
    Events second = new Events();

    FlashAlgorithm cached = AlgorithmCache.in(new PackRoot(cacheDir()), second).load(flm);

    assertThat(first.opened).containsExactly(flm.toString());
    assertThat(second.opened).isEmpty();
    assertThat(second.read).hasSize(2);
    assertThat(cached).isEqualTo(parsed).isEqualTo(FlmLoader.load(Files.readAllBytes(flm), flm.toString()));
  }

  @Test
  void anEditedFileIsParsedAgain() throws Exception {
    Path flm = flm("sfc_m4_Os.flm");
    AlgorithmCache cache = AlgorithmCache.in(new PackRoot(cacheDir()), AlgorithmCacheListener.NONE);
    FlashAlgorithm before = cache.load(flm);
    Files.write(flm, TestAlgorithms.bytes("sfc_m0_O0.flm"));
    Files.setLastModifiedTime(flm, FileTime.fromMillis(Files.getLastModifiedTime(flm).toMillis() + 2000));
    Events events = new Events();

    FlashAlgorithm after = AlgorithmCache.in(new PackRoot(cacheDir()), events).load(flm);

    assertThat(events.opened).containsExactly(flm.toString());
    assertThat(after.sha256()).isNotEqualTo(before.sha256());
    assertThat(after).isEqualTo(FlmLoader.load(TestAlgorithms.bytes("sfc_m0_O0.flm"), flm.toString()));
  }

  @Test
  void aDamagedEntryIsDiscardedAndRebuilt() throws Exception {
    Path flm = flm("sfc_m0_Os.flm");
    FlashAlgorithm good = AlgorithmCache.in(new PackRoot(cacheDir()), AlgorithmCacheListener.NONE).load(flm);
    Path entry = entries(".alg").get(0);
    byte[] bytes = Files.readAllBytes(entry);
    bytes[bytes.length / 2] ^= 0x01;
    Files.write(entry, bytes);
    Events events = new Events();

    FlashAlgorithm rebuilt = AlgorithmCache.in(new PackRoot(cacheDir()), events).load(flm);

    assertThat(rebuilt).isEqualTo(good);
    assertThat(events.discarded).containsExactly(entry.getFileName() + ": checksum mismatch");
    assertThat(events.opened).hasSize(1);
    assertThat(events.stored).contains(entry);
  }

  @Test
  void aTornEntryIsDiscardedAndRebuilt() throws Exception {
    Path flm = flm("sfc_m0_Os.flm");
    AlgorithmCache.in(new PackRoot(cacheDir()), AlgorithmCacheListener.NONE).load(flm);
    Path entry = entries(".alg").get(0);
    Files.write(entry, java.util.Arrays.copyOf(Files.readAllBytes(entry), 100));
    Events events = new Events();

    AlgorithmCache.in(new PackRoot(cacheDir()), events).load(flm);

    assertThat(events.discarded).hasSize(1);
    assertThat(events.opened).hasSize(1);
  }

  @Test
  void leavesNoPartFilesAndStoresUnderTheFormatVersion() throws Exception {
    AlgorithmCache.in(new PackRoot(cacheDir()), AlgorithmCacheListener.NONE).load(flm("sfc_m4_O2.flm"));

    assertThat(entries(".part")).isEmpty();
    assertThat(entries(".alg")).singleElement()
        .satisfies(p -> assertThat(cacheDir().relativize(p).toString()).startsWith(".packs/algorithms/v1/by-sha256/"));
  }

  @Test
  void aPackEntryIsReadOnlyOnce() throws Exception {
    List<String> reads = new ArrayList<>();
    ByteSource zipEntry = () -> {
      reads.add("read");
      return TestAlgorithms.bytes("sfc_m4_O0.flm");
    };
    String key = "pack:Packs.Test@1.0.0:Flash/sfc.flm";

    FlashAlgorithm first = AlgorithmCache.in(new PackRoot(cacheDir()), AlgorithmCacheListener.NONE).load(key, "Flash/sfc.flm", zipEntry);
    FlashAlgorithm second = AlgorithmCache.in(new PackRoot(cacheDir()), AlgorithmCacheListener.NONE).load(key, "Flash/sfc.flm", zipEntry);

    assertThat(reads).hasSize(1);
    assertThat(second).isEqualTo(first);
  }

  @Test
  void findsAnAlgorithmBySha256() throws Exception {
    AlgorithmCache cache = AlgorithmCache.in(new PackRoot(cacheDir()), AlgorithmCacheListener.NONE);
    FlashAlgorithm algo = cache.load(flm("sfc_m0_O2.flm"));

    assertThat(cache.bySha256(algo.sha256())).hasValue(algo);
    assertThat(cache.bySha256("0".repeat(64))).isEmpty();
    assertThat(cache.bySha256("../../etc/passwd")).isEmpty();
  }

  @Test
  void anUnwritableCacheStillReturnsTheAlgorithm() throws Exception {
    Path notADirectory = Files.writeString(temp.resolve("file"), "x");
    Events events = new Events();

    FlashAlgorithm algo = AlgorithmCache.in(new PackRoot(notADirectory), events).load(flm("sfc_m0_O2.flm"));

    assertThat(algo.device().name()).isEqualTo("PACKS SFC 128KB Flash");
    assertThat(events.failed).hasSize(1);
  }

  @Test
  void aMissingFileIsAnAlgorithmCacheException() {
    Path missing = temp.resolve("missing.flm");

    assertThatThrownBy(() -> AlgorithmCache.in(new PackRoot(cacheDir()), AlgorithmCacheListener.NONE).load(missing))
        .isInstanceOf(AlgorithmCacheException.class)
        .hasMessage(missing + ": cannot read flash algorithm: no such file");
  }

  @Test
  void aBrokenFlmIsNotCached() throws Exception {
    Path flm = Files.writeString(temp.resolve("broken.flm"), "not an elf");
    AlgorithmCache cache = AlgorithmCache.in(new PackRoot(cacheDir()), AlgorithmCacheListener.NONE);

    assertThatThrownBy(() -> cache.load(flm)).isInstanceOf(FlmFormatException.NotElf.class);
    assertThat(Files.exists(cacheDir())).isFalse();
  }

  @Test
  void aPackRootKeepsItsCacheInTheStateFolder() throws Exception {
    dev.packs.cache.PackRoot root = new dev.packs.cache.PackRoot(temp.resolve("packs"));

    AlgorithmCache.in(root, AlgorithmCacheListener.NONE).load(flm("sfc_m4_Os.flm"));

    assertThat(root.stateDir().resolve("algorithms/v1/by-sha256")).isDirectory();
    assertThat(root.stateDir().resolve("algorithms/v1/keys")).isDirectory();
  }

  @Test
  void knowsTheSha256OfASeenFileWithoutOpeningIt() throws Exception {
    Path flm = flm("sfc_m4_O0.flm");
    String first = AlgorithmCache.in(new PackRoot(cacheDir()), AlgorithmCacheListener.NONE).sha256(flm);
    Events events = new Events();

    String second = AlgorithmCache.in(new PackRoot(cacheDir()), events).sha256(flm);

    assertThat(second).isEqualTo(first).isEqualTo(FlmLoader.load(Files.readAllBytes(flm), "x").sha256());
    assertThat(events.opened).isEmpty();
    assertThat(events.read).hasSize(1);
  }

  @Test
  void aKeyFileForAnotherKeyIsDiscarded() throws Exception {
    Path flm = flm("sfc_m4_O0.flm");
    AlgorithmCache.in(new PackRoot(cacheDir()), AlgorithmCacheListener.NONE).load(flm);
    Path keyFile = entries(".key").get(0);
    Files.writeString(keyFile, "0".repeat(64) + "\nsomething else");
    Events events = new Events();

    AlgorithmCache.in(new PackRoot(cacheDir()), events).load(flm);

    assertThat(events.discarded).containsExactly(keyFile.getFileName() + ": key file does not match its key");
    assertThat(events.opened).hasSize(1);
  }

  @Test
  void findIsEmptyForAMissingFileAndCachesAPresentOne() throws Exception {
    Path flm = flm("sfc_m0_O2.flm");
    Events events = new Events();
    AlgorithmCache cache = AlgorithmCache.in(new PackRoot(cacheDir()), events);

    assertThat(cache.find(temp.resolve("missing.flm"))).isEmpty();
    assertThat(cache.find(flm)).hasValueSatisfying(a -> assertThat(a.source()).isEqualTo(flm.toString()));
    assertThat(cache.find(flm)).isPresent();
    assertThat(events.opened).containsExactly(flm.toString());
  }

  private List<Path> entries(String suffix) throws IOException {
    if (!Files.exists(cacheDir())) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(cacheDir())) {
      return files.filter(p -> p.toString().endsWith(suffix)).toList();
    }
  }
}
