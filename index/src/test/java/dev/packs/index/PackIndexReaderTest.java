package dev.packs.index;

import dev.packs.index.testdata.SharedData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PackIndexReaderTest {

  private static PackIndex read(String file) throws Exception {
    Path p = SharedData.dir("pidx").resolve(file);
    try (InputStream in = Files.newInputStream(p)) {
      return PackIndexReader.read(in, file);
    }
  }

  @Test
  void readsEverySharedIndexExceptTheLegacyIdx() throws Exception {
    for (Path p : SharedData.all("pidx", ".pidx", ".vidx")) {
      PackIndex index = read(p.getFileName().toString());
      assertThat(index.packs().size() + index.vendorIndexes().size()).as(p.toString()).isPositive();
    }
  }

  @Test
  void readsThe2022PublicIndexWithAbout830Packs() throws Exception {
    // The largest real snapshot.
    PackIndex index = read("keil-index.2022-06-09.pidx");
    assertThat(index.vendor()).contains("Keil");
    assertThat(index.url()).contains("http://www.keil.com/pack/");
    assertThat(index.timestamp()).contains("2022-06-09T08:55:00.8420809+00:00");
    assertThat(index.packs()).hasSizeBetween(800, 900);
    PackIndex.Entry minar = index.packs().get(0);
    assertThat(minar.vendor()).isEqualTo("ARM");
    assertThat(minar.name()).isEqualTo("minar");
    assertThat(minar.version()).isEqualTo(Version.parse("1.0.0"));
    assertThat(minar.descriptorUrl()).isEqualTo("http://www.keil.com/pack/ARM.minar.pdsc");
    assertThat(minar.packUrl()).isEqualTo("http://www.keil.com/pack/ARM.minar.1.0.0.pack");
  }

  @Test
  void readsTheSnapshotWithoutSchemaAttributesLikeTheOneWithThem() throws Exception {
    // The same 2020 index published with and without xs:noNamespaceSchemaLocation.
    assertThat(read("keil-index.2020-01-14.no-schema.pidx").packs())
        .isEqualTo(read("keil-index.2020-01-14.pidx").packs());
  }

  @Test
  void readsVendorIndexWithBothPidxAndTransitionalPdscEntries() throws Exception {
    // vidx2pidx's test input mixes <vindex> and <pindex>.
    PackIndex index = read("vidx2pidx-testing_vendor_index.vidx");
    assertThat(index.vendorIndexes())
        .extracting(PackIndex.VendorIndex::pidxUrl)
        .containsExactly("../test/TheVendor.pidx");
    assertThat(index.packs()).extracting(PackIndex.Entry::name).containsExactly("TheOtherPack", "ThePack");
  }

  @Test
  void addsTheMissingSlashBetweenUrlAndFileName() throws Exception {
    // The 2017 index has "http://www.keil.com/pack" without a trailing slash (cpm issue #95).
    PackIndex.Entry e = read("keil-index.2017-04-14.pidx").packs().get(0);
    assertThat(e.url()).isEqualTo("http://www.keil.com/pack");
    assertThat(e.descriptorUrl()).isEqualTo("http://www.keil.com/pack/ARM.CMSIS-Driver_Validation.pdsc");
  }

  @Test
  void refusesTheLegacyIdxWithAClearError() {
    assertThatThrownBy(() -> read("keil-legacy-index.2017.idx"))
        .isInstanceOf(IndexException.NotADescriptor.class)
        .hasMessageContaining("keil-legacy-index.2017.idx")
        .hasMessageContaining("legacy Keil .idx format");
  }

  @Test
  void refusesAnHtmlPageSayingSo() {
    String html = "<!DOCTYPE html>\n<html><head><title>404</title></head><body>gone</body></html>";
    assertThatThrownBy(
            () -> PackIndexReader.read(
                new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)), "https://x/index.pidx"))
        .isInstanceOf(IndexException.NotADescriptor.class)
        .hasMessage("https://x/index.pidx: expected a pack index (.pidx/.vidx) but found an HTML page");
  }

  @Test
  void namesTheMissingAttribute() {
    String xml = "<index schemaVersion='1.0.0'><vendor>V</vendor><url>u/</url><pindex>\n"
        + "<pdsc url='u/' vendor='V' version='1.0.0'/></pindex></index>";
    assertThatThrownBy(
            () -> PackIndexReader.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "t.pidx"))
        .isInstanceOf(IndexException.BadAttribute.class)
        .hasMessageContaining("t.pidx:2:")
        .hasMessageContaining("'name'");
  }
}
