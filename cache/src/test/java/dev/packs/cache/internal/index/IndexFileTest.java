package dev.packs.cache.internal.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packs.cache.PublicPack;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexFileTest {
  private static final Path PIDX = Path.of(System.getProperty("packs.shared", "../../shared")).resolve("data/pidx");

  @TempDir Path dir;

  @Test
  void relativeEntryUrlsResolveAgainstTheIndexUrl() throws Exception {
    // vidx2pidx's own test index writes its entries as ../test/, relative to the index.
    Path copy = Files.copy(PIDX.resolve("vidx2pidx-TheVendor.pidx"), dir.resolve("index.pidx"));
    IndexFile.resolveRelative(copy, URI.create("https://packs.example/lab/idx/index.pidx"));

    assertThat(IndexFile.read(copy)).extracting(PublicPack::url).containsOnly(URI.create("https://packs.example/lab/test/"));
    assertThat(Files.readString(copy)).contains("<url>https://packs.example/lab/idx/</url>");
  }

  @Test
  void fileUrlsKeepTheTripleSlashFormOtherToolsWrite() throws Exception {
    Path copy = Files.copy(PIDX.resolve("vidx2pidx-TheVendor.pidx"), dir.resolve("index.pidx"));
    IndexFile.resolveRelative(copy, dir.resolve("sub dir/index.pidx").toUri());
    assertThat(IndexFile.read(copy)).extracting(PublicPack::url).containsOnly(URI.create("file://" + dir.toUri().getRawPath() + "test/"));
  }

  @Test
  void anIndexWithAbsoluteUrlsIsLeftByteForByte() throws Exception {
    // The real Keil index of 2019: 515 entries, every URL absolute.
    Path copy = Files.copy(PIDX.resolve("keil-index.2019-11-01.pidx"), dir.resolve("index.pidx"));
    byte[] before = Files.readAllBytes(copy);
    IndexFile.resolveRelative(copy, URI.create("file:///somewhere/index.pidx"));
    assertThat(copy).hasBinaryContent(before);
  }

  @Test
  void aUrlWithoutSchemeIsRelativeUnlessItStartsWithAHostName() {
    assertThat(IndexFile.isRelative("./")).isTrue();
    assertThat(IndexFile.isRelative("")).isTrue();
    assertThat(IndexFile.isRelative("../test/")).isTrue();
    assertThat(IndexFile.isRelative("non-existing-path/")).isTrue();
    assertThat(IndexFile.isRelative("/packs/")).isTrue();
    assertThat(IndexFile.isRelative("www.keil.com/pack/")).isFalse();
    assertThat(IndexFile.isRelative("https://www.keil.com/pack/")).isFalse();
    assertThat(IndexFile.isRelative("file:///srv/packs/")).isFalse();
  }
}
