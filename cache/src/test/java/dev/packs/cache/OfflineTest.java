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

/** Offline never opens a socket: the server records no request, and what is missing is named. */
class OfflineTest {
  @TempDir Path dir;
  Mirror mirror;
  Path root;

  @BeforeEach
  void setUp() throws Exception {
    // The STM32G4 DFP: the design card's first command, tried on a plane.
    mirror = new Mirror(dir).publish("Keil.STM32G4xx_DFP.1.1.0.pdsc").publish("Keil.STM32G0xx_DFP.1.3.0.pdsc");
    root = dir.resolve("root");
    try (PackCache cache = TestCaches.open(root, mirror.indexUrl())) {
      cache.updateIndex();
    }
    mirror.server.clear();
  }

  @AfterEach
  void tearDown() {
    mirror.close();
  }

  private PackCache offline(java.net.URI index) {
    return PackCache.open(TestCaches.config(root, index).network(CacheConfig.Network.OFFLINE).build(), CacheListener.NONE);
  }

  @Test
  void missingPackIsNamedWithWhereItWouldComeFrom() {
    try (PackCache cache = offline(mirror.indexUrl())) {
      assertThatThrownBy(() -> cache.install(List.of("Keil::STM32G4xx_DFP"), InstallOptions.defaults(), dir))
          .isInstanceOfSatisfying(OfflineException.class, e -> {
            assertThat(e.what()).isEqualTo("Keil.STM32G4xx_DFP.1.1.0.pack");
            assertThat(e.from()).isEqualTo(mirror.server.url("Keil.STM32G4xx_DFP.1.1.0.pack"));
          });
    }
    assertThat(mirror.server.requests()).isEmpty();
  }

  @Test
  void installsFromDownloadWithoutTheNetwork() throws Exception {
    Files.copy(mirror.packPath("Keil", "STM32G4xx_DFP", "1.1.0"), root.resolve(".Download/Keil.STM32G4xx_DFP.1.1.0.pack"));
    Files.delete(root.resolve(".Web/Keil.STM32G4xx_DFP.pdsc"));
    try (PackCache cache = offline(mirror.indexUrl())) {
      assertThat(cache.install(List.of("Keil.STM32G4xx_DFP.1.1.0"), InstallOptions.defaults(), dir))
          .extracting(a -> a.kind()).containsExactly(InstallAction.Kind.INSTALLED);
    }
    assertThat(root.resolve("Keil/STM32G4xx_DFP/1.1.0/Keil.STM32G4xx_DFP.pdsc")).exists();
    assertThat(mirror.server.requests()).isEmpty();
  }

  @Test
  void installsFromAMirrorFolderGivenAsFileUrl() throws Exception {
    // The same mirror, read from disk: its index lists http URLs, so rewrite them as file: URLs.
    Path folder = Files.createDirectories(dir.resolve("usb-stick"));
    try (var files = Files.list(mirror.docs)) {
      for (Path p : files.toList()) {
        Files.copy(p, folder.resolve(p.getFileName()));
      }
    }
    String index = Files.readString(folder.resolve("index.pidx")).replace(mirror.base().toString(), folder.toUri().toString());
    Files.writeString(folder.resolve("index.pidx"), index);
    Path fresh = dir.resolve("fresh");
    try (PackCache cache =
        PackCache.open(TestCaches.config(fresh, folder.resolve("index.pidx").toUri()).network(CacheConfig.Network.OFFLINE).build(), CacheListener.NONE)) {
      cache.updateIndex();
      assertThat(cache.install(List.of("STM32G0xx_DFP"), InstallOptions.defaults(), dir))
          .extracting(a -> a.pack().id()).containsExactly("Keil.STM32G0xx_DFP.1.3.0");
    }
    assertThat(fresh.resolve("Keil/STM32G0xx_DFP/1.3.0/Keil.STM32G0xx_DFP.pdsc")).exists();
    assertThat(mirror.server.requests()).isEmpty();
  }

  @Test
  void installsALocalPackFileOffline() throws Exception {
    try (PackCache cache = offline(mirror.indexUrl())) {
      cache.install(List.of(mirror.packPath("Keil", "STM32G0xx_DFP", "1.3.0").toString()), InstallOptions.defaults(), dir);
    }
    assertThat(root.resolve("Keil/STM32G0xx_DFP/1.3.0")).isDirectory();
    assertThat(mirror.server.requests()).isEmpty();
  }
}
