package dev.packs.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpdateIndexTest {
  @TempDir Path dir;
  Mirror mirror;
  Path root;

  @BeforeEach
  void setUp() throws Exception {
    // Five real descriptors from four vendors: enough for parallel fetches and per-file failures.
    mirror = new Mirror(dir)
        .publish("Keil.STM32G4xx_DFP.1.1.0.pdsc")
        .publish("Keil.STM32G0xx_DFP.1.3.0.pdsc")
        .publish("GigaDevice.GD32E10x_DFP.1.0.3.pdsc")
        .publish("HDSC.HC32F003.1.0.1.pdsc")
        .publish("NXP.MK64F12_DFP.11.0.0.pdsc");
    root = dir.resolve("root");
  }

  @AfterEach
  void tearDown() {
    mirror.close();
  }

  private IndexUpdate update() throws CacheException {
    try (PackCache cache = TestCaches.open(root, mirror.indexUrl())) {
      return cache.updateIndex();
    }
  }

  @Test
  void firstRunFetchesTheIndexAndEveryDescriptor() throws Exception {
    IndexUpdate first = update();
    assertThat(first.indexChanged()).isTrue();
    assertThat(first.listed()).isEqualTo(5);
    assertThat(first.fetched()).isEqualTo(5);
    assertThat(first.requests()).isEqualTo(6);
    assertThat(root.resolve(".Web/NXP.MK64F12_DFP.pdsc")).hasSameBinaryContentAs(Fixtures.pdsc("NXP.MK64F12_DFP.11.0.0.pdsc"));
    assertThat(root.resolve(".Web/index.pidx")).exists();
    assertThat(root.resolve("pack.idx")).exists();
  }

  @Test
  void secondRunAgainstAnUnchangedServerTransfersNoDescriptorBodies() throws Exception {
    update();
    mirror.server.clear();
    IndexUpdate second = update();
    assertThat(second.indexChanged()).isFalse();
    assertThat(second.fetched()).isZero();
    assertThat(second.skipped()).isEqualTo(5);
    assertThat(second.bytes()).isZero();
    assertThat(mirror.server.requests()).singleElement().satisfies(r -> {
      assertThat(r.path()).isEqualTo("/index.pidx");
      assertThat(r.header("If-None-Match")).isNotNull();
    });
  }

  @Test
  void changedIndexVersionFetchesOnlyThatDescriptorConditionally() throws Exception {
    update();
    mirror.server.clear();
    String index = Files.readString(mirror.docs.resolve("index.pidx")).replace("version=\"11.0.0\"", "version=\"11.0.1\"");
    Files.writeString(mirror.docs.resolve("index.pidx"), index);
    IndexUpdate again = update();
    assertThat(again.indexChanged()).isTrue();
    assertThat(again.notModified()).isEqualTo(1);
    assertThat(mirror.server.requests()).extracting(LoopbackServer.Seen::path)
        .containsExactly("/index.pidx", "/NXP.MK64F12_DFP.pdsc");
  }

  @Test
  void reportsEachFailedDescriptorWithItsUrlAndKeepsTheRest() throws Exception {
    mirror.server.override("HDSC.HC32F003.pdsc", LoopbackServer.fixed(404, "text/plain", "gone".getBytes()));
    mirror.server.override("GigaDevice.GD32E10x_DFP.pdsc", LoopbackServer.fixed(200, "text/html", "<html>login</html>".getBytes()));
    assertThatThrownBy(this::update).isInstanceOfSatisfying(IndexUpdateException.class, e -> {
      assertThat(e.failures()).extracting(IndexUpdate.Failure::url)
          .containsExactlyInAnyOrder(mirror.server.url("HDSC.HC32F003.pdsc"), mirror.server.url("GigaDevice.GD32E10x_DFP.pdsc"));
      assertThat(e.failures()).extracting(IndexUpdate.Failure::reason).anySatisfy(r -> assertThat(r).contains("HTTP 404"));
      assertThat(e.result().fetched()).isEqualTo(3);
    });
    assertThat(root.resolve(".Web/HDSC.HC32F003.pdsc")).doesNotExist();
    assertThat(root.resolve(".Web/Keil.STM32G4xx_DFP.pdsc")).exists();
  }

  @Test
  void descriptorThatDoesNotMatchItsIndexEntryIsAFailure() throws Exception {
    Files.copy(Fixtures.pdsc("Keil.STM32G0xx_DFP.1.3.0.pdsc"), mirror.docs.resolve("Keil.STM32G4xx_DFP.pdsc"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertThatThrownBy(this::update).isInstanceOfSatisfying(IndexUpdateException.class, e ->
        assertThat(e.failures()).singleElement().satisfies(f -> assertThat(f.reason()).contains("STM32G0xx_DFP")));
  }

  @Test
  void expandsAVendorIndexIntoTheFlatIndex() throws Exception {
    // The mirror's index becomes one vendor's .pidx, listed by a .vidx as url + vendor + ".pidx".
    Files.copy(mirror.docs.resolve("index.pidx"), mirror.docs.resolve("Lab.pidx"));
    Files.writeString(mirror.docs.resolve("labs.vidx"), "<?xml version=\"1.0\"?>\n<index schemaVersion=\"1.1.0\">"
        + "<vendor>Labs</vendor><url>" + mirror.base() + "</url><vindex><pidx url=\"" + mirror.base() + "\" vendor=\"Lab\"/>"
        + "</vindex></index>\n");
    IndexUpdate first;
    try (PackCache cache = TestCaches.open(root, mirror.server.url("labs.vidx"))) {
      first = cache.updateIndex();
    }
    assertThat(first.listed()).isEqualTo(5);
    assertThat(first.fetched()).isEqualTo(5);
    assertThat(Files.readString(root.resolve(".Web/index.pidx"))).contains("name=\"MK64F12_DFP\"");
    mirror.server.clear();
    try (PackCache cache = TestCaches.open(root, mirror.server.url("labs.vidx"))) {
      assertThat(cache.updateIndex().fetched()).isZero();
      assertThat(cache.publicPacks()).hasSize(5);
    }
    assertThat(mirror.server.requests()).extracting(LoopbackServer.Seen::path).containsExactly("/labs.vidx", "/Lab.pidx");
  }

  @Test
  void offlineWithAnHttpIndexMakesNoRequestAndNamesTheUrl() {
    CacheConfig offline = TestCaches.config(root, mirror.indexUrl()).network(CacheConfig.Network.OFFLINE).build();
    try (PackCache cache = PackCache.open(offline, CacheListener.NONE)) {
      assertThatThrownBy(cache::updateIndex).isInstanceOfSatisfying(OfflineException.class, e ->
          assertThat(e.from()).isEqualTo(mirror.indexUrl()));
    }
    assertThat(mirror.server.requests()).isEmpty();
  }

  @Test
  void descriptorOfAnotherVendorUnderTheRightNameIsRefusedAndTheWebCopyKept() throws Exception {
    update();
    byte[] good = Files.readAllBytes(root.resolve(".Web/HDSC.HC32F003.pdsc"));
    // The attack: the index still lists HDSC::HC32F003 (a new version), the URL serves GigaDevice's descriptor.
    mirror.publish("HDSC", "HC32F003", "1.0.2", Fixtures.bytes(Fixtures.pdsc("GigaDevice.GD32E10x_DFP.1.0.3.pdsc")));
    assertThatThrownBy(this::update).isInstanceOfSatisfying(IndexUpdateException.class, e ->
        assertThat(e.failures()).singleElement().satisfies(f -> {
          assertThat(f.url()).isEqualTo(mirror.server.url("HDSC.HC32F003.pdsc"));
          assertThat(f.reason()).contains("the descriptor is GigaDevice::GD32E10x_DFP, the index promises HDSC::HC32F003@1.0.2");
        }));
    assertThat(root.resolve(".Web/HDSC.HC32F003.pdsc")).hasBinaryContent(good);
  }

  @Test
  void descriptorWithoutTheReleaseTheIndexPromisesIsRefused() throws Exception {
    update();
    byte[] good = Files.readAllBytes(root.resolve(".Web/HDSC.HC32F003.pdsc"));
    // The right pack, but a stale copy: it lists 1.0.1 while the index promises 1.0.2.
    mirror.publish("HDSC", "HC32F003", "1.0.2", good);
    Files.setLastModifiedTime(mirror.docs.resolve("HDSC.HC32F003.pdsc"), java.nio.file.attribute.FileTime.fromMillis(0));
    assertThatThrownBy(this::update).isInstanceOfSatisfying(IndexUpdateException.class, e ->
        assertThat(e.failures()).singleElement().satisfies(f ->
            assertThat(f.reason()).contains("lists no release 1.0.2 (newest: 1.0.1)")));
    assertThat(root.resolve(".Web/HDSC.HC32F003.pdsc")).hasBinaryContent(good);
  }

  @Test
  void wellFormedDescriptorWithSemanticFlawsIsStoredAndTheDatabaseSkipsOnlyWhatItCannotRead() throws Exception {
    // cmsis-pack-manager's own test pack, with Dfamily removed and one memory size beyond 32 bits added.
    String text = Files.readString(Fixtures.pdsc("cpm-test-MyVendor.MyPack.pdsc"))
        .replace(" Dfamily=\"MyFamily\"", "")
        .replace("<processor Dcore=\"Cortex-M0+\"/>",
            "<processor Dcore=\"Cortex-M0+\"/><memory name=\"Flash\" start=\"0\" size=\"0xFFFFFFFFFFFFFFFF\"/>");
    mirror.publish("MyVendor", "MyPack", "1.1.0", text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    java.util.List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
    CacheListener listener = new CacheListener() {
      @Override
      public void descriptorFlawed(Path descriptor, java.util.List<String> problems) {
        problems.forEach(p -> warnings.add(descriptor.getFileName() + " | " + p));
      }
    };
    try (PackCache cache = PackCache.open(TestCaches.config(root, mirror.indexUrl()).build(), listener)) {
      assertThat(cache.updateIndex().fetched()).isEqualTo(6);
    }
    Path web = root.resolve(".Web/MyVendor.MyPack.pdsc");
    assertThat(web).hasContent(text);
    assertThat(warnings).containsExactly(
        "MyVendor.MyPack.pdsc | " + web + ": <family> without Dfamily; its devices are kept with an empty family name",
        "MyVendor.MyPack.pdsc | " + web + " (unnamed family): bad value '0xFFFFFFFFFFFFFFFF' for attribute 'size' of <memory>: above 0xFFFFFFFF;"
            + " addresses and sizes are unsigned 32-bit on Cortex-M; this <memory> 'Flash' is skipped");
    DeviceDatabase db = new DeviceIndexer(new PackRoot(root)).database();
    dev.packs.index.IndexedPack pack = db.catalog().providers("MyDevice").get(0);
    assertThat(db.device(pack, "MyDevice").orElseThrow().algorithms()).hasSize(1);
    assertThat(db.catalog().providers("STM32G431KBTx")).isNotEmpty();
  }

  @Test
  void partFilesAKilledRunLeftAreRemovedByTheNextRunAndOtherToolsFilesStay() throws Exception {
    update();
    // What kill -9 leaves: AtomicFiles' name.<8 hex>.part in each folder it writes, and a half-extracted pack.
    List<Path> ours = List.of(
        root.resolve(".Web/Keil.STM32G4xx_DFP.pdsc.1a2b3c4d.part"),
        root.resolve(".Download/Keil.STM32G4xx_DFP.1.1.0.pack.0badf00d.part"),
        root.resolve(".packs/web.json.deadbeef.part"),
        root.resolve(".packs/devices/catalog.bin.01234567.part"),
        root.resolve(".packs/tmp/6f1c2a64-4b1e-4a51-9a57-1f4a0e7b9d10/Files/a.bin"));
    for (Path p : ours) {
      Files.createDirectories(p.getParent());
      Files.writeString(p, "left by a killed run");
    }
    Path foreign = Files.writeString(root.resolve(".Web/download.part"), "another tool's file");
    update();
    assertThat(ours).allSatisfy(p -> assertThat(p).doesNotExist());
    assertThat(root.resolve(".packs/tmp")).doesNotExist();
    assertThat(foreign).exists();
  }
}
