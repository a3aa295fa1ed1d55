package dev.packs.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


import dev.packs.index.IndexException;
import dev.packs.index.IndexedPack;
import dev.packs.index.PackDescriptor;
import dev.packs.index.PackSource;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceIndexerTest {
  @TempDir Path tmp;
  private PackRoot root;
  private final List<String> warnings = new ArrayList<>();
  private final DeviceDatabase.Listener listener =
      new DeviceDatabase.Listener() {
        @Override
        public void warning(String message) {
          warnings.add(message);
        }
      };

  private static Path shared(String pdsc) {
    return Path.of(System.getProperty("packs.shared")).resolve("data/pdsc").resolve(pdsc);
  }

  @BeforeEach
  void layOutARoot() throws Exception {
    // A root as cpackget leaves it: one web descriptor, one installed pack, one local pack.
    root = new PackRoot(tmp.resolve("root"));
    Files.createDirectories(root.webDir());
    Files.copy(shared("Keil.STM32G4xx_DFP.1.1.0.pdsc"), root.webDescriptor("Keil", "STM32G4xx_DFP"));
    Path installed = root.installDir("Keil", "STM32G4xx_DFP", "2.1.0");
    Files.createDirectories(installed);
    Files.copy(shared("Keil.STM32G4xx_DFP.2.1.0-tag.pdsc"), installed.resolve("Keil.STM32G4xx_DFP.pdsc"));
    Path local = tmp.resolve("work/rp2040");
    Files.createDirectories(local);
    Files.copy(shared("Keil.RP2040_DFP.pdsc"), local.resolve("Keil.RP2040_DFP.pdsc"));
    Files.createDirectories(root.localDir());
    Files.writeString(root.localRepositoryIndex(),
        "<?xml version='1.0'?>\n<index schemaVersion='1.1.0'><vendor>local repository</vendor><url>x</url>"
            + "<pindex><pdsc name='RP2040_DFP' url='file://localhost" + local + "/' vendor='Keil' version='0.0.0'/>"
            + "<pdsc name='Gone' url='file:///nowhere/' vendor='Acme' version='0.0.0'/></pindex></index>");
  }

  @Test
  void findsWebInstalledAndLocalDescriptors() throws Exception {
    List<PackSource> sources = new DeviceIndexer(root).sources(listener);
    assertThat(sources).extracting(PackSource::key, PackSource::origin).containsExactly(
        org.assertj.core.groups.Tuple.tuple("web:Keil.STM32G4xx_DFP", PackSource.Origin.WEB),
        org.assertj.core.groups.Tuple.tuple("installed:Keil/STM32G4xx_DFP/2.1.0", PackSource.Origin.INSTALLED),
        org.assertj.core.groups.Tuple.tuple("local:Keil.RP2040_DFP", PackSource.Origin.LOCAL));
    assertThat(warnings).singleElement().satisfies(w -> assertThat(w).contains("Acme.Gone"));
  }

  @Test
  void refreshBuildsTheDatabaseUnderTheStateFolderAndThenOnlyChecks() throws Exception {
    DeviceIndexer indexer = new DeviceIndexer(root);
    assertThat(indexer.refresh(listener).indexed()).isEqualTo(3);
    assertThat(counts(indexer.refresh(listener))).containsExactly(0, 0, 3);
    assertThat(root.deviceDatabaseDir()).isDirectoryContaining(p -> p.getFileName().toString().equals("catalog.bin"));
    List<IndexedPack> g431 = indexer.database().catalog().providers("STM32G431KBTx");
    assertThat(g431).extracting(IndexedPack::installed).containsExactly(true, false);

    Files.delete(root.installDir("Keil", "STM32G4xx_DFP", "2.1.0").resolve("Keil.STM32G4xx_DFP.pdsc"));
    assertThat(counts(indexer.refresh(listener))).containsExactly(0, 1, 2);
    assertThat(indexer.database().catalog().providers("STM32G431KBTx")).extracting(IndexedPack::installed)
        .containsExactly(false);
  }

  @Test
  void readsTheDescriptorInsideAPack() throws Exception {
    Path pack = tmp.resolve("Keil.RP2040_DFP.1.0.0.pack");
    try (OutputStream os = Files.newOutputStream(pack); ZipOutputStream zip = new ZipOutputStream(os)) {
      zip.putNextEntry(new ZipEntry("Keil.RP2040_DFP.pdsc"));
      zip.write(Files.readAllBytes(shared("Keil.RP2040_DFP.pdsc")));
      zip.putNextEntry(new ZipEntry("Flash/README.txt"));
      zip.write("x".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    PackDescriptor pdsc = DeviceIndexer.readDescriptor(pack);
    assertThat(pdsc.fullName()).isEqualTo("Keil.RP2040_DFP");
    assertThat(pdsc.source()).endsWith(".pack!/Keil.RP2040_DFP.pdsc");
  }

  @Test
  void aPackWithoutDescriptorSaysSo() throws Exception {
    Path pack = tmp.resolve("empty.pack");
    try (OutputStream os = Files.newOutputStream(pack); ZipOutputStream zip = new ZipOutputStream(os)) {
      zip.putNextEntry(new ZipEntry("readme.txt"));
    }
    assertThatThrownBy(() -> DeviceIndexer.readDescriptor(pack))
        .isInstanceOfSatisfying(InvalidPackException.class,
            e -> assertThat(e.problem()).isEqualTo(InvalidPackException.Problem.NO_DESCRIPTOR))
        .hasMessageContaining(pack.toString());
  }

  @Test
  void aPackWhoseDescriptorIsAZipBombIsRefusedBeforeItExpands() throws Exception {
    // The real RP2040 descriptor then 8 MiB of blanks: valid XML that expands about 1000:1.
    Path pack = tmp.resolve("Keil.RP2040_DFP.1.0.0.pack");
    try (OutputStream os = Files.newOutputStream(pack); ZipOutputStream zip = new ZipOutputStream(os)) {
      zip.putNextEntry(new ZipEntry("Keil.RP2040_DFP.pdsc"));
      zip.write(Files.readAllBytes(shared("Keil.RP2040_DFP.pdsc")));
      zip.write(" ".repeat(8 << 20).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
    assertThatThrownBy(() -> DeviceIndexer.readDescriptor(pack))
        .isInstanceOfSatisfying(InvalidPackException.class, e -> {
          assertThat(e.problem()).isEqualTo(InvalidPackException.Problem.SUSPICIOUS_RATIO);
          assertThat(e.source()).isEqualTo(pack.toString());
          assertThat(e.entry()).contains("Keil.RP2040_DFP.pdsc");
        });
  }

  @Test
  void aPackWithAnEntryOutsideItsFolderIsRefused() throws Exception {
    // install refuses '..' entries; reading only the descriptor must refuse the same archive.
    Path pack = tmp.resolve("Keil.RP2040_DFP.1.0.0.pack");
    try (OutputStream os = Files.newOutputStream(pack); ZipOutputStream zip = new ZipOutputStream(os)) {
      zip.putNextEntry(new ZipEntry("Keil.RP2040_DFP.pdsc"));
      zip.write(Files.readAllBytes(shared("Keil.RP2040_DFP.pdsc")));
      zip.putNextEntry(new ZipEntry("../../evil.txt"));
    }
    assertThatThrownBy(() -> DeviceIndexer.readDescriptor(pack))
        .isInstanceOfSatisfying(InvalidPackException.class,
            e -> assertThat(e.problem()).isEqualTo(InvalidPackException.Problem.UNSAFE_ENTRY));
  }

  private static List<Integer> counts(DeviceDatabase.SyncReport r) {
    return List.of(r.indexed(), r.removed(), r.unchanged());
  }
}
