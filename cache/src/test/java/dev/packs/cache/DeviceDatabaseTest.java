package dev.packs.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packs.index.Device;
import dev.packs.index.testdata.SharedData;
import dev.packs.index.DeviceMatch;
import dev.packs.index.DeviceResolver;
import dev.packs.index.Version;
import dev.packs.index.IndexException;
import dev.packs.index.IndexedPack;
import dev.packs.index.PackSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceDatabaseTest {
  @TempDir Path tmp;

  private final List<String> events = new ArrayList<>();
  private final DeviceDatabase.Listener listener =
      new DeviceDatabase.Listener() {
        @Override
        public void indexed(PackSource source, int devices) {
          events.add("indexed " + source.key() + " " + devices);
        }

        @Override
        public void failed(PackSource source, IndexException error) {
          events.add("failed " + source.key());
        }

        @Override
        public void removed(IndexedPack pack) {
          events.add("removed " + pack.source().key());
        }

        @Override
        public void flawed(PackSource source, List<String> problems) {
          problems.forEach(p -> events.add("flawed " + source.key() + ": " + p));
        }
      };

  /** Copies a shared descriptor into the temp folder so the test may change it. */
  private PackSource source(String key, String pdsc, PackSource.Origin origin) throws Exception {
    Path copy = tmp.resolve("src").resolve(key.replace(':', '_') + ".pdsc");
    Files.createDirectories(copy.getParent());
    Files.copy(SharedData.pdsc(pdsc), copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    return new PackSource(key, copy, origin);
  }

  private DeviceDatabase db() {
    return DeviceDatabase.of(new PackRoot(tmp.resolve("root")));
  }

  // The same release as a .Web descriptor and installed: users expect one row, marked installed.
  @Test
  void findListsAReleaseOnceWhenItIsBothOnTheWebAndInstalled() throws Exception {
    db().sync(List.of(
        source("web:g4", "Keil.STM32G4xx_DFP.1.1.0.pdsc", PackSource.Origin.WEB),
        source("installed:g4", "Keil.STM32G4xx_DFP.1.1.0.pdsc", PackSource.Origin.INSTALLED),
        source("web:g4new", "Keil.STM32G4xx_DFP.2.1.0-tag.pdsc", PackSource.Origin.WEB)), listener);

    List<DeviceMatch> rows = db().catalog().find(List.of("STM32G431KBTx"));

    assertThat(rows).extracting(m -> m.pack().version().orElseThrow() + " " + m.pack().installed())
        .containsExactly("2.1.1-dev false", "1.1.0 true");
  }

  @Test
  void keepsEveryPackThatProvidesADeviceAndPrefersTheNewest() throws Exception {
    // Three G4 DFP versions all define STM32G431KBTx.
    List<PackSource> sources = List.of(
        source("web:old", "Keil.STM32G4xx_DFP.1.1.0.pdsc", PackSource.Origin.WEB),
        source("web:new", "Keil.STM32G4xx_DFP.2.1.0-tag.pdsc", PackSource.Origin.WEB),
        source("installed:mid", "Keil.STM32G4xx_DFP.2.0.0-tag.pdsc", PackSource.Origin.INSTALLED));
    db().sync(sources, listener);
    List<IndexedPack> providers = db().catalog().providers("stm32g431kbtx");
    assertThat(providers).extracting(p -> p.version().orElseThrow().toString())
        .containsExactly("2.1.1-dev", "2.0.1-dev", "1.1.0");
    Device d = db().device(providers.get(0), "STM32G431KBTx").orElseThrow();
    assertThat(d.pack().version()).contains(Version.parse("2.1.1-dev"));
    assertThat(d).isEqualTo(SharedData.device("Keil.STM32G4xx_DFP.2.1.0-tag.pdsc", "STM32G431KBTx"));
  }

  @Test
  void syncReadsOnlyWhatChangedAndDropsWhatIsGone() throws Exception {
    PackSource g4 = source("web:g4", "Keil.STM32G4xx_DFP.1.1.0.pdsc", PackSource.Origin.WEB);
    PackSource l4 = source("web:l4", "pyocd-test-Keil.STM32L4xx_DFP.2.5.0.pdsc", PackSource.Origin.WEB);
    assertThat(counts(db().sync(List.of(g4, l4), listener))).containsExactly(2, 0, 0);
    assertThat(counts(db().sync(List.of(g4, l4), listener))).containsExactly(0, 0, 2);

    Files.setLastModifiedTime(l4.descriptor(), FileTime.fromMillis(1_000_000L));
    assertThat(counts(db().sync(List.of(g4, l4), listener))).containsExactly(1, 0, 1);
    assertThat(counts(db().sync(List.of(l4), listener))).containsExactly(0, 1, 1);
    assertThat(events).containsExactly(
        "indexed web:g4 " + count("Keil.STM32G4xx_DFP.1.1.0.pdsc"),
        "indexed web:l4 " + count("pyocd-test-Keil.STM32L4xx_DFP.2.5.0.pdsc"),
        "indexed web:l4 " + count("pyocd-test-Keil.STM32L4xx_DFP.2.5.0.pdsc"),
        "removed web:g4");
    assertThat(db().catalog().providers("STM32G431KBTx")).isEmpty();
    assertThat(Files.list(tmp.resolve("root/.packs/devices/packs")).count()).as("stale pack files deleted").isEqualTo(1);
  }

  private static int count(String pdsc) throws Exception {
    return DeviceResolver.resolve(SharedData.read(pdsc)).devices().size();
  }

  @Test
  void updateAndRemoveTouchOnlyOnePack() throws Exception {
    PackSource g4 = source("installed:g4", "Keil.STM32G4xx_DFP.1.1.0.pdsc", PackSource.Origin.INSTALLED);
    PackSource nrf = source("installed:nrf", "NordicSemiconductor.nRF_DeviceFamilyPack.8.35.0.pdsc",
        PackSource.Origin.INSTALLED);
    db().update(g4, listener);
    IndexedPack p = db().update(nrf, listener);
    assertThat(p.installed()).isTrue();
    assertThat(db().catalog().packs()).extracting(IndexedPack::displayName)
        .containsExactly("Keil.STM32G4xx_DFP.1.1.0", "NordicSemiconductor.nRF_DeviceFamilyPack.8.35.0");
    assertThat(db().remove("installed:g4")).isTrue();
    assertThat(db().remove("installed:g4")).isFalse();
    assertThat(db().catalog().providers("nRF52840_xxAA")).hasSize(1);
    assertThat(db().catalog().providers("STM32G431KBTx")).isEmpty();
  }

  @Test
  void aBrokenDescriptorIsRecordedAndNotReadAgainUntilItChanges() throws Exception {
    PackSource bad = source("web:bad", "cpm-bench.pdsc", PackSource.Origin.WEB);
    db().sync(List.of(bad), listener);
    db().sync(List.of(bad), listener);
    assertThat(events).containsExactly("failed web:bad");
    assertThat(db().catalog().packs().get(0).error()).hasValueSatisfying(e -> assertThat(e).contains("<pdsc>"));
  }

  @Test
  void aTruncatedCatalogIsRebuiltNotMisread() throws Exception {
    PackSource g4 = source("web:g4", "Keil.STM32G4xx_DFP.1.1.0.pdsc", PackSource.Origin.WEB);
    db().sync(List.of(g4), listener);
    Path catalog = tmp.resolve("root/.packs/devices/catalog.bin");
    byte[] bytes = Files.readAllBytes(catalog);
    Files.write(catalog, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    assertThat(db().sync(List.of(g4), listener).indexed()).isEqualTo(1);
    assertThat(db().catalog().providers("STM32G431KBTx")).hasSize(1);
  }

  @Test
  void concurrentSyncsFromManyThreadsLeaveOneConsistentDatabase() throws Exception {
    // FileChannel locks serialise writers; every reader sees a whole catalog.
    List<PackSource> sources = List.of(
        source("web:g4", "Keil.STM32G4xx_DFP.1.1.0.pdsc", PackSource.Origin.WEB),
        source("web:nrf", "NordicSemiconductor.nRF_DeviceFamilyPack.8.35.0.pdsc", PackSource.Origin.WEB));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<DeviceDatabase.SyncReport>> runs = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        runs.add(pool.submit(() -> DeviceDatabase.of(new PackRoot(tmp.resolve("root"))).sync(sources, new DeviceDatabase.Listener() {})));
      }
      int indexed = 0;
      for (Future<DeviceDatabase.SyncReport> f : runs) {
        indexed += f.get().indexed();
      }
      assertThat(indexed).isEqualTo(2);
    } finally {
      pool.shutdownNow();
    }
    assertThat(db().catalog().packs()).hasSize(2);
    assertThat(Files.list(tmp.resolve("root/.packs/devices")).map(p -> p.getFileName().toString()))
        .noneMatch(n -> n.endsWith(".part"));
  }

  private static List<Integer> counts(DeviceDatabase.SyncReport r) {
    return List.of(r.indexed(), r.removed(), r.unchanged());
  }

  @Test
  void hostileDescriptorIsReportedOnceAndTheOthersStillAnswer() throws Exception {
    // The attack's descriptor: a memory size with the top bit set and a device name over 64 KiB.
    String longName = "X".repeat(70_000);
    String text = Files.readString(Fixtures.pdsc("Keil.STM32G4xx_DFP.1.1.0.pdsc"))
        .replaceFirst("size=\"0x[0-9A-Fa-f]+\"", "size=\"0x8000000000000000\"")
        .replaceFirst("Dname=\"STM32G431C6Tx\"", "Dname=\"" + longName + "\"");
    Path hostile = Files.createDirectories(tmp.resolve("src")).resolve("hostile.pdsc");
    Files.writeString(hostile, text);
    List<PackSource> sources = List.of(
        new PackSource("web:hostile", hostile, PackSource.Origin.WEB),
        source("web:g0", "Keil.STM32G0xx_DFP.1.3.0.pdsc", PackSource.Origin.WEB));
    db().sync(sources, listener);
    assertThat(events).filteredOn(e -> e.startsWith("flawed web:hostile")).singleElement().asString()
        .contains(hostile.toString(), "0x8000000000000000", "unsigned 32-bit");
    assertThat(db().catalog().providers(longName)).singleElement().satisfies(p ->
        assertThat(p.source().key()).isEqualTo("web:hostile"));
    assertThat(db().catalog().providers("STM32G071RBTx")).isNotEmpty();
    IndexedPack g4 = db().catalog().providers("STM32G431KBTx").get(0);
    assertThat(db().device(g4, "STM32G431KBTx").orElseThrow().memories())
        .allSatisfy(m -> assertThat(m.size()).isBetween(1L, 0xFFFF_FFFFL));
    events.clear();
    db().sync(sources, listener);
    assertThat(events).isEmpty();
  }
}
