package dev.packs.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.packs.cache.DownloadException.Reason;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each fault of the "bad input and hostile servers" list, served by a real server on
 * 127.0.0.1 while {@code install} fetches STM32G4xx_DFP 1.1.0: a typed error naming the URL or
 * entry, and the root exactly as it was.
 */
class HostileServerTest {
  private static final String PACK = "Keil.STM32G4xx_DFP.1.1.0.pack";

  @TempDir Path dir;
  Mirror mirror;
  Path root;
  Map<String, String> before;

  @BeforeEach
  void setUp() throws Exception {
    // The STM32G4 DFP is the pack of the design card's first line.
    mirror = new Mirror(dir).publish("Keil.STM32G4xx_DFP.1.1.0.pdsc");
    root = dir.resolve("root");
    try (PackCache cache = TestCaches.open(root, mirror.indexUrl())) {
      cache.updateIndex();
    }
    before = TestCaches.snapshot(root);
  }

  @AfterEach
  void tearDown() {
    mirror.close();
  }

  private CacheException installFails() {
    try (PackCache cache = TestCaches.open(root, mirror.indexUrl())) {
      cache.install(List.of("Keil::STM32G4xx_DFP@1.1.0"), InstallOptions.defaults(), dir);
    } catch (CacheException e) {
      assertThat(TestCaches.snapshot(root)).isEqualTo(before);
      return e;
    }
    throw new AssertionError("install succeeded against a hostile server");
  }

  private DownloadException downloadFails(Reason reason) {
    CacheException e = installFails();
    assertThat(e).isInstanceOf(DownloadException.class);
    DownloadException d = (DownloadException) e;
    assertThat(d.reason()).isEqualTo(reason);
    assertThat(d.url()).isEqualTo(mirror.server.url(PACK));
    assertThat(d.getMessage()).contains(mirror.server.url(PACK).toString());
    return d;
  }

  private byte[] pack() {
    return Fixtures.bytes(mirror.packPath("Keil", "STM32G4xx_DFP", "1.1.0"));
  }

  @Test
  void truncatedBodyIsATypedErrorAndLeavesNoFile() {
    byte[] body = pack();
    mirror.server.override(PACK, ex -> {
      ex.sendResponseHeaders(200, body.length);
      OutputStream out = ex.getResponseBody();
      out.write(body, 0, body.length / 2);
      out.flush();
      ex.getHttpContext().getServer();
      ex.close();
    });
    downloadFails(Reason.TRUNCATED);
  }

  @Test
  void zeroByteBodyIsATypedError() {
    mirror.server.override(PACK, LoopbackServer.fixed(200, "application/octet-stream", new byte[0]));
    downloadFails(Reason.EMPTY);
  }

  @Test
  void serverErrorIsRetriedThenSucceeds() throws Exception {
    byte[] body = pack();
    AtomicInteger calls = new AtomicInteger();
    mirror.server.override(PACK, ex -> {
      if (calls.incrementAndGet() == 1) {
        LoopbackServer.fixed(500, "text/plain", "busy".getBytes()).handle(ex);
      } else {
        LoopbackServer.fixed(200, "application/zip", body).handle(ex);
      }
    });
    try (PackCache cache = TestCaches.open(root, mirror.indexUrl())) {
      List<InstallAction> done = cache.install(List.of("Keil::STM32G4xx_DFP@1.1.0"), InstallOptions.defaults(), dir);
      assertThat(done).extracting(InstallAction::kind).containsExactly(InstallAction.Kind.INSTALLED);
    }
    assertThat(calls).hasValue(2);
    assertThat(root.resolve("Keil/STM32G4xx_DFP/1.1.0/Keil.STM32G4xx_DFP.pdsc")).exists();
  }

  @Test
  void notFoundIsNotRetried() {
    mirror.server.override(PACK, LoopbackServer.fixed(404, "text/plain", "no".getBytes()));
    DownloadException e = downloadFails(Reason.NOT_FOUND);
    assertThat(e.status()).hasValue(404);
    assertThat(mirror.server.count(PACK)).isEqualTo(1);
  }

  @Test
  void serverStallingMidBodyIsATypedError() {
    byte[] body = pack();
    mirror.server.override(PACK, ex -> {
      ex.sendResponseHeaders(200, body.length);
      OutputStream out = ex.getResponseBody();
      out.write(body, 0, 1000);
      out.flush();
      try {
        Thread.sleep(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    downloadFails(Reason.STALLED);
  }

  @Test
  void htmlLoginPageWithStatus200IsATypedError() {
    byte[] page = "<!DOCTYPE html>\n<html><head><title>Sign in</title></head><body>SSO</body></html>".getBytes();
    mirror.server.override(PACK, LoopbackServer.fixed(200, "text/html", page));
    downloadFails(Reason.HTML_INSTEAD_OF_CONTENT);
  }

  @Test
  void redirectLoopIsATypedError() {
    mirror.server.override(PACK, ex -> {
      ex.getResponseHeaders().set("Location", "/elsewhere.pack");
      ex.sendResponseHeaders(302, -1);
    });
    mirror.server.override("elsewhere.pack", ex -> {
      ex.getResponseHeaders().set("Location", "/" + PACK);
      ex.sendResponseHeaders(302, -1);
    });
    DownloadException e = downloadFails(Reason.REDIRECT_LOOP);
    assertThat(e.getMessage()).contains("elsewhere.pack");
  }

  @Test
  void packWhoseDescriptorDoesNotMatchTheIndexIsRejected() throws Exception {
    // An older release's pack served under the newer name: the descriptor's top release says 1.0.0.
    Path wrong = dir.resolve("wrong.pack");
    String text = Files.readString(Fixtures.pdsc("Keil.STM32G4xx_DFP.1.1.0.pdsc")).replaceFirst("version=\"1.1.0\"", "version=\"1.0.9\"");
    new Fixtures.Zip().file("Keil.STM32G4xx_DFP.pdsc", text).writeTo(wrong);
    mirror.server.override(PACK, LoopbackServer.fixed(200, "application/zip", Files.readAllBytes(wrong)));
    CacheException e = installFails();
    assertThat(e).isInstanceOfSatisfying(InvalidPackException.class, i -> {
      assertThat(i.problem()).isEqualTo(InvalidPackException.Problem.DESCRIPTOR_MISMATCH);
      assertThat(i.source()).isEqualTo(mirror.server.url(PACK).toString());
      assertThat(i.entry()).contains("Keil.STM32G4xx_DFP.pdsc");
    });
  }

  @Test
  void packWithTwoDescriptorsIsRejected() throws Exception {
    Path two = Fixtures.packOf(Fixtures.pdsc("Keil.STM32G4xx_DFP.1.1.0.pdsc"), "Keil.STM32G4xx_DFP.pdsc")
        .file("Extra/Keil.STM32G4xx_DFP.pdsc", "<package/>")
        .writeTo(dir.resolve("two.pack"));
    mirror.server.override(PACK, LoopbackServer.fixed(200, "application/zip", Files.readAllBytes(two)));
    assertThat(installFails())
        .isInstanceOfSatisfying(InvalidPackException.class, i -> assertThat(i.problem()).isEqualTo(InvalidPackException.Problem.MULTIPLE_DESCRIPTORS));
  }

  @Test
  void packWithUnsafeEntryIsRejectedByInstall() throws Exception {
    Path evil = Fixtures.packOf(Fixtures.pdsc("Keil.STM32G4xx_DFP.1.1.0.pdsc"), "Keil.STM32G4xx_DFP.pdsc")
        .file("../../escape.txt", "x")
        .writeTo(dir.resolve("evil.pack"));
    mirror.server.override(PACK, LoopbackServer.fixed(200, "application/zip", Files.readAllBytes(evil)));
    assertThat(installFails())
        .isInstanceOfSatisfying(InvalidPackException.class, i -> {
          assertThat(i.problem()).isEqualTo(InvalidPackException.Problem.UNSAFE_ENTRY);
          assertThat(i.entry()).contains("../../escape.txt");
        });
    assertThat(dir.resolve("escape.txt")).doesNotExist();
  }

  /** The pack with one entry's declared size in the central directory made smaller than its data. */
  private byte[] packWithAnEntryLargerThanDeclared() throws Exception {
    byte[] bytes = pack();
    java.nio.ByteBuffer zip = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    byte[] name = "Flash/STM32G4xx_512.FLM".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    for (int at = 0; at + 46 < bytes.length; at++) {
      if (zip.getInt(at) == 0x02014b50 && zip.getShort(at + 28) == name.length
          && java.util.Arrays.equals(bytes, at + 46, at + 46 + name.length, name, 0, name.length)) {
        zip.putInt(at + 24, 100); // the uncompressed size the archive declares
        return bytes;
      }
    }
    throw new AssertionError("entry not found");
  }

  @Test
  void entryLargerThanDeclaredIsNamedAndNeitherThePartialTreeNorTheArchiveIsKept() throws Exception {
    byte[] lying = packWithAnEntryLargerThanDeclared();
    AtomicInteger calls = new AtomicInteger();
    byte[] good = pack();
    mirror.server.override(PACK, ex -> LoopbackServer.fixed(200, "application/zip", calls.incrementAndGet() == 1 ? lying : good).handle(ex));
    assertThat(installFails()).isInstanceOfSatisfying(InvalidPackException.class, e -> {
      assertThat(e.problem()).isEqualTo(InvalidPackException.Problem.LARGER_THAN_DECLARED);
      assertThat(e.entry()).contains("Flash/STM32G4xx_512.FLM");
      assertThat(e.getMessage()).contains("inflates past the 100 bytes the archive declares for it");
    });
    // installFails() proved the root unchanged: no .packs/tmp tree, no archive in .Download.
    try (PackCache cache = TestCaches.open(root, mirror.indexUrl())) {
      cache.install(List.of("Keil::STM32G4xx_DFP@1.1.0"), InstallOptions.defaults(), dir);
    }
    assertThat(calls).as("the retry downloads again instead of reusing the rejected archive").hasValue(2);
    assertThat(root.resolve("Keil/STM32G4xx_DFP/1.1.0/Flash/STM32G4xx_512.FLM")).exists();
  }

  @Test
  void zipBombSplitOverManySmallEntriesIsRejectedBeforeAnythingIsWritten() throws Exception {
    // 100 entries of exactly 1 MiB of zeros: each one slips under the per-entry ratio check.
    Fixtures.Zip zip = Fixtures.packOf(Fixtures.pdsc("Keil.STM32G4xx_DFP.1.1.0.pdsc"), "Keil.STM32G4xx_DFP.pdsc");
    byte[] mib = new byte[1 << 20];
    for (int i = 0; i < 100; i++) {
      zip.file("Bomb/part" + i + ".bin", mib);
    }
    byte[] bomb = Files.readAllBytes(zip.writeTo(dir.resolve("bomb.pack")));
    mirror.server.override(PACK, LoopbackServer.fixed(200, "application/zip", bomb));
    assertThat(installFails()).isInstanceOfSatisfying(InvalidPackException.class, e ->
        assertThat(e.problem()).isEqualTo(InvalidPackException.Problem.SUSPICIOUS_RATIO));
  }

  @Test
  void fullDiskDuringADownloadIsNamedAsSuchAndNotRetried() throws Exception {
    // /dev/full fails every write with ENOSPC, exactly as a full disk does.
    Path full = Path.of("/dev/full");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isWritable(full), "no /dev/full on this system");
    mirror.server.override(PACK, LoopbackServer.fixed(200, "application/zip", pack()));
    try (dev.packs.cache.internal.net.Transports transports =
        new dev.packs.cache.internal.net.Transports(TestCaches.config(root, mirror.indexUrl()).build(), CacheListener.NONE)) {
      assertThatThrownBy(() -> transports.fetch(PACK, mirror.server.url(PACK), java.util.Optional.empty(), full,
              dev.packs.cache.internal.net.Expect.ZIP))
          .isInstanceOfSatisfying(CacheIoException.class, e -> {
            assertThat(e.reason()).isEqualTo(CacheIoException.Reason.DISK_FULL);
            assertThat(e.getMessage()).startsWith("disk full: no space left to write /dev/full");
          });
    }
    assertThat(mirror.server.count(PACK)).isEqualTo(1);
  }
}
