package dev.packs.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.packs.cache.InstallAction.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallTest {
  @TempDir Path dir;
  Mirror mirror;
  Path root;

  @BeforeEach
  void setUp() throws Exception {
    // STM32G0 has several releases with a real descriptor for 1.2.0 and 1.3.0: version choice is visible.
    mirror = new Mirror(dir)
        .publish("Keil.STM32G4xx_DFP.1.1.0.pdsc")
        .publish("Keil.STM32G0xx_DFP.1.3.0.pdsc")
        .publish("devtools-ARM.RteTest_DFP.pdsc")
        .publish("devtools-ARM.RteTest.pdsc");
    mirror.packOnly("Keil.STM32G0xx_DFP.1.2.0.pdsc");
    root = dir.resolve("root");
  }

  @AfterEach
  void tearDown() {
    mirror.close();
  }

  private List<InstallAction> install(String... requests) throws CacheException {
    return install(InstallOptions.defaults(), requests);
  }

  private List<InstallAction> install(InstallOptions options, String... requests) throws CacheException {
    try (PackCache cache = TestCaches.open(root, mirror.indexUrl())) {
      return cache.install(List.of(requests), options, dir);
    }
  }

  @Test
  void installsByBareNameOnAFreshRootFetchingOnlyWhatItNeeds() throws Exception {
    List<InstallAction> done = install("STM32G4xx_DFP");
    assertThat(done).singleElement().satisfies(a -> {
      assertThat(a.kind()).isEqualTo(Kind.INSTALLED);
      assertThat(a.pack().id()).isEqualTo("Keil.STM32G4xx_DFP.1.1.0");
      assertThat(a.sha256().orElseThrow()).hasSize(64);
    });
    assertThat(root.resolve("Keil/STM32G4xx_DFP/1.1.0/Keil.STM32G4xx_DFP.pdsc")).exists();
    assertThat(root.resolve("Keil/STM32G4xx_DFP/1.1.0/Flash/STM32G4xx_512.FLM")).exists();
    assertThat(root.resolve(".Download/Keil.STM32G4xx_DFP.1.1.0.pack")).exists();
    assertThat(root.resolve(".Download/Keil.STM32G4xx_DFP.1.1.0.pdsc")).exists();
    assertThat(root.resolve(".Web/Keil.STM32G4xx_DFP.pdsc")).exists();
    assertThat(root.resolve("pack.idx")).exists();
    assertThat(mirror.server.requests()).extracting(LoopbackServer.Seen::path)
        .containsExactly("/index.pidx", "/Keil.STM32G4xx_DFP.pdsc", "/Keil.STM32G4xx_DFP.1.1.0.pack");
  }

  @Test
  void resolvesVersionsAgainstTheDescriptorReleases() throws Exception {
    assertThat(install("Keil::STM32G0xx_DFP@~1.2.0")).extracting(a -> a.pack().version()).containsExactly("1.2.0");
    assertThat(install("Keil::STM32G0xx_DFP@^1.2.0")).extracting(a -> a.kind()).containsExactly(Kind.ALREADY_INSTALLED);
    assertThat(install("Keil::STM32G0xx_DFP@latest")).extracting(a -> a.pack().version()).containsExactly("1.3.0");
    assertThat(install("Keil.STM32G0xx_DFP.1.2.0")).extracting(InstallAction::kind).containsExactly(Kind.ALREADY_INSTALLED);
    assertThat(root.resolve("Keil/STM32G0xx_DFP/1.2.0")).isDirectory();
    assertThat(root.resolve("Keil/STM32G0xx_DFP/1.3.0")).isDirectory();
  }

  @Test
  void unknownVersionNamesTheReleasesThatExist() {
    assertThatThrownBy(() -> install("Keil::STM32G0xx_DFP@>=9.0.0"))
        .isInstanceOfSatisfying(PackNotFoundException.class, e -> assertThat(e.getMessage()).contains("1.3.0", "1.2.0"));
  }

  @Test
  void unknownPackNamesTheIndex() {
    assertThatThrownBy(() -> install("NoSuchPack_DFP"))
        .isInstanceOfSatisfying(PackNotFoundException.class, e -> assertThat(e.where()).contains("index.pidx"));
  }

  @Test
  void installsRequiredPacksUnlessToldNotTo() throws Exception {
    assertThat(install(new InstallOptions(InstallOptions.Dependencies.SKIP, false), "ARM::RteTest"))
        .extracting(a -> a.pack().name()).containsExactly("RteTest");
    assertThat(root.resolve("ARM/RteTest_DFP")).doesNotExist();
    assertThat(install("ARM::RteTest@0.1.0", "ARM::RteTest"))
        .extracting(a -> a.pack().id() + " " + a.kind())
        .containsExactly("ARM.RteTest.0.1.0 ALREADY_INSTALLED", "ARM.RteTest.0.1.0 ALREADY_INSTALLED");
    List<InstallAction> withDeps = install(new InstallOptions(InstallOptions.Dependencies.INSTALL, true), "ARM::RteTest");
    assertThat(withDeps).extracting(a -> a.pack().id()).containsExactly("ARM.RteTest.0.1.0", "ARM.RteTest_DFP.0.2.0");
  }

  @Test
  void installsALocalPackFileAndAUrl() throws Exception {
    Path local = mirror.packPath("Keil", "STM32G0xx_DFP", "1.2.0");
    assertThat(install(local.toString())).extracting(a -> a.pack().id()).containsExactly("Keil.STM32G0xx_DFP.1.2.0");
    assertThat(install(mirror.server.url("Keil.STM32G4xx_DFP.1.1.0.pack").toString()))
        .extracting(a -> a.pack().id()).containsExactly("Keil.STM32G4xx_DFP.1.1.0");
    assertThat(root.resolve("Keil/STM32G4xx_DFP/1.1.0/Keil.STM32G4xx_DFP.pdsc")).exists();
  }

  @Test
  void registersAPdscInTheLocalRepository() throws Exception {
    Path pdsc = Files.createDirectories(dir.resolve("work/mypack")).resolve("ARM.RteTest_DFP.pdsc");
    Files.copy(Fixtures.pdsc("devtools-ARM.RteTest_DFP.pdsc"), pdsc);
    assertThat(install(pdsc.toString())).extracting(InstallAction::kind).containsExactly(Kind.REGISTERED_LOCAL);
    String index = Files.readString(root.resolve(".Local/local_repository.pidx"));
    assertThat(index).contains("name=\"RteTest_DFP\"").contains("url=\"file://localhost" + pdsc.getParent().toUri().getRawPath());
  }

  @Test
  void registersARelativePdscPathWithItsFolderNormalised() throws Exception {
    // A path through ".." is how users name shared descriptors; the index must hold the real folder.
    Path folder = Files.createDirectories(dir.resolve("work/mypack"));
    Files.copy(Fixtures.pdsc("devtools-ARM.RteTest_DFP.pdsc"), folder.resolve("ARM.RteTest_DFP.pdsc"));
    Files.createDirectories(dir.resolve("work/other"));
    try (PackCache cache = TestCaches.open(root, mirror.indexUrl())) {
      cache.install(List.of("../mypack/ARM.RteTest_DFP.pdsc"), InstallOptions.defaults(), dir.resolve("work/other"));
    }
    String index = Files.readString(root.resolve(".Local/local_repository.pidx"));
    assertThat(index).contains("url=\"file://localhost" + folder.toUri().getRawPath() + "\"").doesNotContain("..");
  }

  @Test
  void rmOfAPdscNameForgetsTheRegisteredDescriptor() throws Exception {
    // cpackget's 'rm Vendor.Name.pdsc' is the only way to undo 'install Vendor.Name.pdsc'.
    Path pdsc = Files.createDirectories(dir.resolve("work/mypack")).resolve("ARM.RteTest_DFP.pdsc");
    Files.copy(Fixtures.pdsc("devtools-ARM.RteTest_DFP.pdsc"), pdsc);
    install(pdsc.toString());
    try (PackCache cache = TestCaches.open(root, mirror.indexUrl())) {
      assertThat(cache.list()).extracting(InstalledPack::path).contains(pdsc.getParent());
      assertThat(cache.remove("ARM.RteTest_DFP.pdsc", false)).extracting(InstalledPack::path).containsExactly(pdsc.getParent());
      assertThatThrownBy(() -> cache.remove("ARM.RteTest_DFP.pdsc", false)).isInstanceOf(PackNotFoundException.class);
    }
    assertThat(Files.readString(root.resolve(".Local/local_repository.pidx"))).doesNotContain("RteTest_DFP");
    try (PackCache cache = TestCaches.open(root, mirror.indexUrl())) {
      assertThat(cache.list()).extracting(InstalledPack::path).doesNotContain(pdsc.getParent());
    }
    assertThat(pdsc).exists();
  }

  @Test
  void rejectsALocalPdscNotNamedVendorDotName() throws Exception {
    // The shared file carries its version in the name, as downloads do; the local index cannot point at it.
    Path pdsc = Files.createDirectories(dir.resolve("work")).resolve("Keil.STM32G4xx_DFP.1.1.0.pdsc");
    Files.copy(Fixtures.pdsc("Keil.STM32G4xx_DFP.1.1.0.pdsc"), pdsc);
    assertThatThrownBy(() -> install(pdsc.toString()))
        .isInstanceOf(InvalidPackException.class)
        .hasMessageContaining("must be named Keil.STM32G4xx_DFP.pdsc");
    assertThat(root.resolve(".Local/local_repository.pidx")).doesNotExist();
  }

  @Test
  void replacesADamagedArchiveLeftInDownload() throws Exception {
    Files.createDirectories(root.resolve(".Download"));
    Files.write(root.resolve(".Download/Keil.STM32G4xx_DFP.1.1.0.pack"), new byte[0]);
    install("Keil::STM32G4xx_DFP@1.1.0");
    assertThat(root.resolve("Keil/STM32G4xx_DFP/1.1.0/Keil.STM32G4xx_DFP.pdsc")).exists();
    assertThat(Files.size(root.resolve(".Download/Keil.STM32G4xx_DFP.1.1.0.pack"))).isPositive();
  }

  @Test
  void removesAndPurges() throws Exception {
    install("Keil::STM32G4xx_DFP");
    try (PackCache cache = TestCaches.open(root, mirror.indexUrl())) {
      assertThat(cache.remove("Keil.STM32G4xx_DFP", true)).extracting(InstalledPack::id).containsExactly("Keil.STM32G4xx_DFP.1.1.0");
      assertThat(cache.list()).isEmpty();
    }
    assertThat(root.resolve("Keil")).doesNotExist();
    assertThat(root.resolve(".Download/Keil.STM32G4xx_DFP.1.1.0.pack")).doesNotExist();
    assertThat(root.resolve(".Web/Keil.STM32G4xx_DFP.pdsc")).doesNotExist();
  }

  @Test
  void listsUpdatesAndUpdates() throws Exception {
    install("Keil::STM32G0xx_DFP@1.2.0");
    try (PackCache cache = TestCaches.open(root, mirror.indexUrl())) {
      assertThat(cache.updates()).singleElement().satisfies(u -> {
        assertThat(u.installed().version()).isEqualTo("1.2.0");
        assertThat(u.latest()).isEqualTo("1.3.0");
      });
      assertThat(cache.update(java.util.Optional.empty(), InstallOptions.defaults(), dir))
          .extracting(a -> a.pack().id()).containsExactly("Keil.STM32G0xx_DFP.1.3.0");
      assertThat(cache.updates()).isEmpty();
    }
  }

  @Test
  void installAndRemoveUpdateTheDeviceDatabaseInTheSameStep() throws Exception {
    install("Keil::STM32G4xx_DFP");
    DeviceDatabase db = new DeviceIndexer(new PackRoot(root)).database();
    assertThat(db.catalog().providers("STM32G431KBTx")).anySatisfy(p -> {
      assertThat(p.installed()).isTrue();
      assertThat(p.source().descriptor()).isEqualTo(root.resolve("Keil/STM32G4xx_DFP/1.1.0/Keil.STM32G4xx_DFP.pdsc"));
    });
    try (PackCache cache = TestCaches.open(root, mirror.indexUrl())) {
      cache.remove("Keil::STM32G4xx_DFP", true);
    }
    assertThat(db.catalog().providers("STM32G431KBTx")).isEmpty();
  }

  @Test
  void descriptorNamesTheInstalledFileElseTheWebCopyElseFails() throws Exception {
    // The first link of the call chain: a pack reference to the descriptor file PdscReader reads.
    install("Keil::STM32G4xx_DFP");
    try (PackCache cache = TestCaches.open(root, mirror.indexUrl())) {
      assertThat(cache.descriptor("Keil::STM32G4xx_DFP"))
          .isEqualTo(root.resolve("Keil/STM32G4xx_DFP/1.1.0/Keil.STM32G4xx_DFP.pdsc")).isRegularFile();
      assertThat(cache.descriptor("keil.stm32g4xx_dfp.1.1.0")).isEqualTo(cache.descriptor("Keil::STM32G4xx_DFP"));
      assertThatThrownBy(() -> cache.descriptor("Keil::STM32G4xx_DFP@9.0.0"))
          .isInstanceOf(PackNotFoundException.class).hasMessageContaining("Keil::STM32G4xx_DFP@9.0.0");
      cache.remove("Keil::STM32G4xx_DFP", false);
      assertThat(cache.descriptor("Keil::STM32G4xx_DFP")).isEqualTo(root.resolve(".Web/Keil.STM32G4xx_DFP.pdsc"));
    }
  }

  @Test
  void verifyFindsAChangedFile() throws Exception {
    install("Keil::STM32G4xx_DFP");
    try (PackCache cache = TestCaches.open(root, mirror.indexUrl())) {
      assertThat(cache.verify()).extracting(PackCheck::status).containsExactly(PackCheck.Status.OK);
      Files.writeString(root.resolve("Keil/STM32G4xx_DFP/1.1.0/Documents/readme.txt"), "tampered");
      assertThat(cache.verify()).singleElement().satisfies(c -> {
        assertThat(c.status()).isEqualTo(PackCheck.Status.MODIFIED);
        assertThat(c.problems()).containsExactly("changed Documents/readme.txt");
      });
    }
  }

  @Test
  void verifyHonoursCpackgetChecksumFiles() throws Exception {
    // A pack cpackget installed: no record of ours, only its Vendor.Name.x.y.z.sha256.checksum.
    Path pack = Files.createDirectories(root.resolve("Keil/STM32G4xx_DFP/1.1.0"));
    Files.copy(Fixtures.pdsc("Keil.STM32G4xx_DFP.1.1.0.pdsc"), pack.resolve("Keil.STM32G4xx_DFP.pdsc"));
    Files.writeString(pack.resolve("readme.txt"), "hello\n");
    String sums = dev.packs.cache.internal.pack.Digests.sha256(pack.resolve("Keil.STM32G4xx_DFP.pdsc")) + "  Keil.STM32G4xx_DFP.pdsc\n"
        + "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03  readme.txt\n";
    Files.createDirectories(root.resolve(".Download"));
    Files.writeString(root.resolve(".Download/Keil.STM32G4xx_DFP.1.1.0.sha256.checksum"), sums);
    try (PackCache cache = TestCaches.open(root, mirror.indexUrl())) {
      assertThat(cache.verify()).extracting(PackCheck::status).containsExactly(PackCheck.Status.OK);
      Files.writeString(pack.resolve("readme.txt"), "changed\n");
      assertThat(cache.verify()).extracting(PackCheck::status).containsExactly(PackCheck.Status.MODIFIED);
    }
  }

  @Test
  void installRefusesAnotherVendorsDescriptorServedUnderTheIndexedNameAndKeepsNothing() throws Exception {
    // The attack: the index lists HDSC::HC32F003, its URL serves GigaDevice's descriptor (and its pack exists).
    mirror.publish("HDSC", "HC32F003", "1.0.1", Fixtures.bytes(Fixtures.pdsc("GigaDevice.GD32E10x_DFP.1.0.3.pdsc")));
    mirror.packOnly("GigaDevice.GD32E10x_DFP.1.0.3.pdsc");
    assertThatThrownBy(() -> install("HC32F003")).isInstanceOfSatisfying(DownloadException.class, e -> {
      assertThat(e.reason()).isEqualTo(DownloadException.Reason.UNEXPECTED_CONTENT);
      assertThat(e.url()).isEqualTo(mirror.server.url("HDSC.HC32F003.pdsc"));
      assertThat(e.getMessage()).contains("the descriptor is GigaDevice::GD32E10x_DFP, the index promises HDSC::HC32F003@1.0.1");
    });
    assertThat(root.resolve(".Web/HDSC.HC32F003.pdsc")).doesNotExist();
    assertThat(root.resolve(".Web/GigaDevice.GD32E10x_DFP.pdsc")).doesNotExist();
    assertThat(root.resolve("GigaDevice")).doesNotExist();
    assertThat(mirror.server.requests()).extracting(LoopbackServer.Seen::path).doesNotContain("/GigaDevice.GD32E10x_DFP.1.0.3.pack");
  }
}
