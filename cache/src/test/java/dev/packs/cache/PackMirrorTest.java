package dev.packs.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.packs.cache.internal.pack.Digests;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackMirrorTest {
  @TempDir Path dir;
  Mirror upstream;
  Path folder;

  @BeforeEach
  void setUp() throws Exception {
    // RteTest requires RteTest_DFP 0.1.1:0.2.0 (the real devtools descriptors); STM32G4 is a large
    // real descriptor that must not be mirrored unless asked for.
    upstream = new Mirror(dir)
        .publish("devtools-ARM.RteTest.pdsc")
        .publish("devtools-ARM.RteTest_DFP.pdsc")
        .publish("Keil.STM32G4xx_DFP.1.1.0.pdsc");
    folder = dir.resolve("lab-mirror");
  }

  @AfterEach
  void tearDown() {
    upstream.close();
  }

  private MirrorResult mirror(String... packs) throws CacheException {
    return mirror(new MirrorRequest(List.of(packs), false, Optional.empty()));
  }

  private MirrorResult mirror(MirrorRequest request) throws CacheException {
    try (PackMirror m = PackMirror.open(TestCaches.config(dir.resolve("unused-root"), upstream.indexUrl()).build(), CacheListener.NONE)) {
      return m.mirror(folder, request);
    }
  }

  private List<InstallAction> installOffline(Path root, URI indexUrl, String... packs) throws CacheException {
    CacheConfig config = TestCaches.config(root, indexUrl).network(CacheConfig.Network.OFFLINE).build();
    try (PackCache cache = PackCache.open(config, CacheListener.NONE)) {
      return cache.install(List.of(packs), InstallOptions.defaults(), dir);
    }
  }

  private static Map<String, String> sums(Path folder) throws IOException {
    Map<String, String> sums = new TreeMap<>();
    for (String line : Files.readAllLines(folder.resolve("SHA256SUMS"))) {
      sums.put(line.substring(66), line.substring(0, 64));
    }
    return sums;
  }

  @Test
  void mirrorsANamedPackWithItsRequirementsThenInstallsFromTheFolderWithTheServerGone() throws Exception {
    MirrorResult result = mirror("ARM::RteTest");

    assertThat(result.packs()).extracting(MirrorResult.Item::id)
        .containsExactly("ARM.RteTest.0.1.0", "ARM.RteTest_DFP.0.2.0");
    assertThat(folder.resolve("Keil.STM32G4xx_DFP.1.1.0.pack")).doesNotExist();
    Map<String, String> sums = sums(folder);
    assertThat(sums).containsOnlyKeys("ARM.RteTest.0.1.0.pack", "ARM.RteTest.pdsc", "ARM.RteTest_DFP.0.2.0.pack",
        "ARM.RteTest_DFP.pdsc", "index.pidx");
    for (Map.Entry<String, String> e : sums.entrySet()) {
      assertThat(Digests.sha256(folder.resolve(e.getKey()))).as(e.getKey()).isEqualTo(e.getValue());
    }
    assertThat(Files.readString(folder.resolve("index.pidx"))).contains("url=\"./\"").doesNotContain("127.0.0.1");
    upstream.close();

    List<InstallAction> done = installOffline(dir.resolve("lab-root"), result.indexUrl(), "ARM::RteTest");
    assertThat(done).extracting(a -> a.pack().id()).containsExactly("ARM.RteTest.0.1.0", "ARM.RteTest_DFP.0.2.0");
    assertThat(dir.resolve("lab-root/ARM/RteTest_DFP/0.2.0/ARM.RteTest_DFP.pdsc")).exists();
  }

  @Test
  void aMovedFolderStillWorksAsAFileIndexUrl() throws Exception {
    mirror("Keil::STM32G4xx_DFP");
    Path moved = Files.createDirectories(dir.resolve("usb stick/copy")).resolve("mirror");
    Files.move(folder, moved);

    URI indexUrl = moved.resolve("index.pidx").toUri();
    Path root = dir.resolve("lab-root");
    CacheConfig config = TestCaches.config(root, indexUrl).network(CacheConfig.Network.OFFLINE).build();
    try (PackCache cache = PackCache.open(config, CacheListener.NONE)) {
      IndexUpdate update = cache.updateIndex();
      assertThat(update.fetched()).isEqualTo(1);
      assertThat(cache.install(List.of("STM32G4xx_DFP"), InstallOptions.defaults(), dir))
          .extracting(a -> a.pack().id()).containsExactly("Keil.STM32G4xx_DFP.1.1.0");
    }
    // The root's copy of the index holds absolute URLs, as cpackget sharing the root expects.
    assertThat(Files.readString(root.resolve(".Web/index.pidx"))).contains("url=\"" + moved.toUri());
  }

  @Test
  void aRerunMakesOnlyConditionalRequestsAndFetchesOnlyWhatChanged() throws Exception {
    mirror("ARM::RteTest");
    upstream.server.clear();

    MirrorResult again = mirror();
    assertThat(again.fetched()).isZero();
    assertThat(again.notModified()).isEqualTo(3); // the index and two descriptors
    assertThat(again.unchanged()).isEqualTo(2); // both archives, not requested at all
    assertThat(upstream.server.requests()).allSatisfy(r -> assertThat(r.header("If-None-Match")).isNotNull())
        .extracting(LoopbackServer.Seen::path).doesNotContain("/ARM.RteTest.0.1.0.pack");

    // Upstream publishes RteTest 0.2.0: only the index, that descriptor and that archive move.
    Path newer = dir.resolve("ARM.RteTest.pdsc");
    Files.writeString(newer, Files.readString(Fixtures.pdsc("devtools-ARM.RteTest.pdsc"))
        .replace("<releases>", "<releases>\n    <release version=\"0.2.0\" date=\"2023-01-01\">Newer.</release>"));
    upstream.publish(newer);
    upstream.server.clear();
    MirrorResult third = mirror();
    assertThat(third.fetched()).isEqualTo(3);
    assertThat(upstream.server.requests()).extracting(LoopbackServer.Seen::path)
        .contains("/ARM.RteTest.0.2.0.pack").doesNotContain("/ARM.RteTest.0.1.0.pack", "/ARM.RteTest_DFP.0.2.0.pack");
    assertThat(third.packs()).extracting(MirrorResult.Item::id).contains("ARM.RteTest.0.1.0", "ARM.RteTest.0.2.0");
  }

  @Test
  void anArchiveDamagedInTheFolderIsFetchedAgain() throws Exception {
    mirror("Keil::STM32G4xx_DFP");
    Path pack = folder.resolve("Keil.STM32G4xx_DFP.1.1.0.pack");
    byte[] good = Files.readAllBytes(pack);
    Files.write(pack, java.util.Arrays.copyOf(good, good.length / 2));

    MirrorResult again = mirror();
    assertThat(again.fetched()).isEqualTo(1);
    assertThat(pack).hasBinaryContent(good);
    assertThat(sums(folder).get("Keil.STM32G4xx_DFP.1.1.0.pack")).isEqualTo(Digests.sha256(pack));
  }

  @Test
  void releaseUrlsAreDroppedSoClientsInstallFromTheMirror() throws Exception {
    // A release URL pointing at a dead vendor host: kept, it would send every lab machine there.
    Path pdsc = dir.resolve("Keil.STM32G4xx_DFP.pdsc");
    Files.writeString(pdsc, Files.readString(Fixtures.pdsc("Keil.STM32G4xx_DFP.1.1.0.pdsc"), StandardCharsets.UTF_8)
        .replaceFirst("<release version=\"1.1.0\"", "<release url=\"http://127.0.0.1:9/gone/Keil.STM32G4xx_DFP.1.1.0.pack\" version=\"1.1.0\""));
    upstream.publish(pdsc);
    // The upstream archive lives where the release URL says: serve it there.
    upstream.server.override("gone/Keil.STM32G4xx_DFP.1.1.0.pack", ex -> {
      byte[] body = Files.readAllBytes(upstream.packPath("Keil", "STM32G4xx_DFP", "1.1.0"));
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
    });
    String release = "http://127.0.0.1:9/gone/";
    Files.writeString(pdsc, Files.readString(pdsc).replace(release, upstream.base() + "gone/"));
    upstream.publish(pdsc);

    mirror("Keil::STM32G4xx_DFP");
    assertThat(upstream.server.requests()).extracting(LoopbackServer.Seen::path).contains("/gone/Keil.STM32G4xx_DFP.1.1.0.pack");
    assertThat(Files.readString(folder.resolve("Keil.STM32G4xx_DFP.pdsc"))).doesNotContain("/gone/").contains("<release version=\"1.1.0\"");
    upstream.close();
    assertThat(installOffline(dir.resolve("lab-root"), folder.resolve("index.pidx").toUri(), "Keil::STM32G4xx_DFP"))
        .extracting(a -> a.pack().id()).containsExactly("Keil.STM32G4xx_DFP.1.1.0");
  }

  @Test
  void aVendorIndexIsExpandedWithItsRelativePidxUrls() throws Exception {
    // The shape of vidx2pidx's test index: a <vindex> whose <pidx> URL is relative to the vidx.
    Files.copy(upstream.docs.resolve("index.pidx"), upstream.docs.resolve("Mirror.pidx"));
    Files.writeString(upstream.docs.resolve("lab.vidx"), "<?xml version=\"1.0\"?>\n<index schemaVersion=\"1.1.0\">"
        + "<vendor>Lab</vendor><url>./</url><vindex><pidx vendor=\"Mirror\" url=\"./\"/></vindex></index>\n");
    try (PackMirror m = PackMirror.open(TestCaches.config(dir.resolve("unused-root"), upstream.server.url("lab.vidx")).build(),
        CacheListener.NONE)) {
      MirrorResult result = m.mirror(folder, new MirrorRequest(List.of("RteTest"), false, Optional.empty()));
      assertThat(result.packs()).extracting(MirrorResult.Item::id).containsExactly("ARM.RteTest.0.1.0", "ARM.RteTest_DFP.0.2.0");
    }
    assertThat(upstream.server.requests()).extracting(LoopbackServer.Seen::path).startsWith("/lab.vidx", "/Mirror.pidx");
  }

  @Test
  void aPackTheIndexDoesNotListIsNotFoundAndNothingIsWritten() {
    assertThatThrownBy(() -> mirror("Keil::NoSuchPack"))
        .isInstanceOfSatisfying(PackNotFoundException.class, e -> assertThat(e.getMessage()).contains("Keil::NoSuchPack"));
    assertThat(folder.resolve("index.pidx")).doesNotExist();
  }

  @Test
  void allMirrorsEveryPackAndABaseUrlMakesTheIndexAbsolute() throws Exception {
    MirrorResult result = mirror(new MirrorRequest(List.of(), true, Optional.of(URI.create("https://packs.lab.example/mirror/"))));
    assertThat(result.packs()).hasSize(3);
    assertThat(Files.readString(folder.resolve("index.pidx")))
        .contains("url=\"https://packs.lab.example/mirror/\"").doesNotContain("./");
  }

  @Test
  void aKilledRunsPartFilesAreRemovedAndItsWholeFilesKept() throws Exception {
    mirror("ARM::RteTest");
    // What a SIGKILL leaves: a stray .part, and the state of a run that never recorded its last file.
    Files.writeString(folder.resolve("ARM.RteTest.0.1.0.pack.1a2b3c4d.part"), "half");
    Files.delete(folder.resolve(".packs-mirror/state.json"));
    upstream.server.clear();

    MirrorResult again = mirror("ARM::RteTest");
    assertThat(again.unchanged()).isEqualTo(2);
    assertThat(upstream.server.requests()).extracting(LoopbackServer.Seen::path).noneMatch(p -> p.endsWith(".pack"));
    try (Stream<Path> files = Files.list(folder)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
    }
  }
}
