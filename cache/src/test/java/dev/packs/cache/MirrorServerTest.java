package dev.packs.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MirrorServerTest {
  @TempDir Path dir;
  Path folder;
  MirrorServer server;
  final List<MirrorServer.Access> log = new CopyOnWriteArrayList<>();

  @BeforeEach
  void mirrorAndServe() throws Exception {
    // A real mirror of the real STM32G4 descriptor, made from a loopback vendor server that is then stopped.
    folder = dir.resolve("mirror");
    try (Mirror upstream = new Mirror(dir).publish("Keil.STM32G4xx_DFP.1.1.0.pdsc");
        PackMirror m = PackMirror.open(TestCaches.config(dir.resolve("unused"), upstream.indexUrl()).build(), CacheListener.NONE)) {
      m.mirror(folder, new MirrorRequest(List.of("Keil::STM32G4xx_DFP"), false, Optional.empty()));
    }
    Files.writeString(dir.resolve("secret.txt"), "not for the lab network");
    server = serve(folder, MirrorServer.Layout.MIRROR_FOLDER);
  }

  private MirrorServer serve(Path what, MirrorServer.Layout layout) throws CacheException {
    return MirrorServer.start(new MirrorServer.Options(what, layout, InetAddress.getLoopbackAddress(), 0), new MirrorServer.Listener() {
      @Override
      public void served(MirrorServer.Access access) {
        log.add(access);
      }
    });
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** A response as a raw socket sees it: clients such as OkHttp would normalize the hostile paths first. */
  record Answer(int status, String head, byte[] body) {
    String header(String name) {
      return head.lines().filter(l -> l.toLowerCase().startsWith(name.toLowerCase() + ":"))
          .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse(null);
    }

    String text() {
      return new String(body, StandardCharsets.ISO_8859_1);
    }
  }

  private Answer raw(String method, String target, String... headers) throws IOException {
    return raw(server, method, target, headers);
  }

  private static Answer raw(MirrorServer to, String method, String target, String... headers) throws IOException {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), to.baseUrl().getPort())) {
      StringBuilder req = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + to.baseUrl().getPort()
          + "\r\nConnection: close\r\n");
      for (String h : headers) {
        req.append(h).append("\r\n");
      }
      OutputStream out = s.getOutputStream();
      out.write(req.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      byte[] all = s.getInputStream().readAllBytes();
      String text = new String(all, StandardCharsets.ISO_8859_1);
      int end = text.indexOf("\r\n\r\n");
      return new Answer(Integer.parseInt(text.substring(9, 12)), text.substring(0, end), Arrays.copyOfRange(all, end + 4, all.length));
    }
  }

  @Test
  void installsThroughTheServerAndASecondUpdateIndexFetchesNothing() throws Exception {
    Path root = dir.resolve("lab-root");
    try (PackCache cache = TestCaches.open(root, server.indexUrl())) {
      IndexUpdate first = cache.updateIndex();
      assertThat(first.fetched()).isEqualTo(1);
      assertThat(cache.install(List.of("STM32G4xx_DFP"), InstallOptions.defaults(), dir))
          .extracting(a -> a.pack().id()).containsExactly("Keil.STM32G4xx_DFP.1.1.0");
    }
    try (PackCache cache = TestCaches.open(root, server.indexUrl())) {
      IndexUpdate second = cache.updateIndex();
      assertThat(second.indexChanged()).as("the index answered 304").isFalse();
      assertThat(second.requests()).isEqualTo(1);
      assertThat(second.fetched()).isZero();
      assertThat(second.bytes()).isZero();
    }
  }

  @Test
  void theIndexIsServedWithAbsoluteUrlsForToolsThatCannotResolveRelativeOnes() throws Exception {
    Answer index = raw("GET", "/index.pidx");
    assertThat(index.status()).isEqualTo(200);
    assertThat(index.text()).contains("url=\"" + server.baseUrl() + "\"").doesNotContain("\"./\"");
    assertThat(Files.readString(folder.resolve("index.pidx"))).contains("url=\"./\"");
  }

  @Test
  void traversalInAnyEncodingIsRefusedAndNeverLeaksTheFileOutside() throws Exception {
    Files.createSymbolicLink(folder.resolve("escape.txt"), dir.resolve("secret.txt"));
    List<String> attacks = List.of(
        "/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/.%2e/secret.txt", "/..%2fsecret.txt",
        "/%2e%2e%2fsecret.txt", "/..%5csecret.txt", "/..\\secret.txt", "//" + dir.resolve("secret.txt"),
        "/C:/secret.txt", "/a/../../secret.txt", "/%252e%252e/secret.txt", "/.packs-mirror/state.json",
        "/escape.txt", "/%00", "/%zz", "/");
    for (String path : attacks) {
      Answer a = raw("GET", path);
      assertThat(a.status()).as(path).isBetween(400, 499);
      assertThat(a.text()).as(path).doesNotContain("not for the lab network").doesNotContain("\"upstream\"");
    }
    assertThat(raw("GET", "/escape.txt").status()).isEqualTo(403);
    assertThat(raw("GET", "/%2e%2e/secret.txt").status()).isEqualTo(400);
  }

  @Test
  void anythingButGetAndHeadIsRefusedAndChangesNothing() throws Exception {
    byte[] before = Files.readAllBytes(folder.resolve("index.pidx"));
    for (String method : List.of("PUT", "POST", "DELETE", "PATCH", "OPTIONS", "MKCOL")) {
      Answer a = raw(method, "/index.pidx", "Content-Length: 5", "", "hello");
      assertThat(a.status()).as(method).isEqualTo(405);
      assertThat(a.header("Allow")).isEqualTo("GET, HEAD");
    }
    assertThat(raw("PUT", "/new.pack", "Content-Length: 0").status()).isEqualTo(405);
    assertThat(folder.resolve("index.pidx")).hasBinaryContent(before);
    assertThat(folder.resolve("new.pack")).doesNotExist();
  }

  @Test
  void etagAndLastModifiedAnswer304() throws Exception {
    Answer first = raw("GET", "/Keil.STM32G4xx_DFP.pdsc");
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.body()).isEqualTo(Files.readAllBytes(folder.resolve("Keil.STM32G4xx_DFP.pdsc")));
    String etag = first.header("ETag");
    assertThat(raw("GET", "/Keil.STM32G4xx_DFP.pdsc", "If-None-Match: " + etag).status()).isEqualTo(304);
    assertThat(raw("GET", "/Keil.STM32G4xx_DFP.pdsc", "If-None-Match: \"other\"").status()).isEqualTo(200);
    assertThat(raw("GET", "/Keil.STM32G4xx_DFP.pdsc", "If-Modified-Since: " + first.header("Last-Modified")).status()).isEqualTo(304);
    assertThat(raw("GET", "/Keil.STM32G4xx_DFP.pdsc", "If-Modified-Since: Mon, 01 Jan 2001 00:00:00 GMT").status()).isEqualTo(200);
  }

  @Test
  void rangesResumeDownloads() throws Exception {
    byte[] pack = Files.readAllBytes(folder.resolve("Keil.STM32G4xx_DFP.1.1.0.pack"));
    Answer part = raw("GET", "/Keil.STM32G4xx_DFP.1.1.0.pack", "Range: bytes=100-");
    assertThat(part.status()).isEqualTo(206);
    assertThat(part.header("Content-Range")).isEqualTo("bytes 100-" + (pack.length - 1) + "/" + pack.length);
    assertThat(part.body()).isEqualTo(Arrays.copyOfRange(pack, 100, pack.length));
    assertThat(raw("GET", "/Keil.STM32G4xx_DFP.1.1.0.pack", "Range: bytes=-10").body()).isEqualTo(Arrays.copyOfRange(pack, pack.length - 10, pack.length));
    Answer beyond = raw("GET", "/Keil.STM32G4xx_DFP.1.1.0.pack", "Range: bytes=" + pack.length + "-");
    assertThat(beyond.status()).isEqualTo(416);
    assertThat(beyond.header("Content-Range")).isEqualTo("bytes */" + pack.length);
    Answer stale = raw("GET", "/Keil.STM32G4xx_DFP.1.1.0.pack", "Range: bytes=100-", "If-Range: \"an-older-version\"");
    assertThat(stale.status()).isEqualTo(200);
    assertThat(stale.body()).isEqualTo(pack);
  }

  @Test
  void headSendsTheHeadersAlone() throws Exception {
    Answer head = raw("HEAD", "/Keil.STM32G4xx_DFP.1.1.0.pack");
    assertThat(head.status()).isEqualTo(200);
    assertThat(head.header("Content-Length")).isEqualTo(String.valueOf(Files.size(folder.resolve("Keil.STM32G4xx_DFP.1.1.0.pack"))));
    assertThat(head.body()).isEmpty();
  }

  @Test
  void everyRequestIsReportedOnce() throws Exception {
    raw("GET", "/index.pidx");
    raw("DELETE", "/index.pidx");
    raw("GET", "/missing.pack");
    assertThat(log).extracting(a -> a.method() + " " + a.target() + " " + a.status())
        .containsExactly("GET /index.pidx 200", "DELETE /index.pidx 405", "GET /missing.pack 404");
    assertThat(log.get(0).bytes()).isPositive();
    assertThat(log.get(0).remote()).isEqualTo("127.0.0.1");
  }

  @Test
  void aPackRootIsServedForWhatItsDownloadFolderHolds() throws Exception {
    Path root = dir.resolve("teacher-root");
    try (PackCache cache = PackCache.open(TestCaches.config(root, folder.resolve("index.pidx").toUri())
        .network(CacheConfig.Network.OFFLINE).build(), CacheListener.NONE)) {
      cache.install(List.of("Keil::STM32G4xx_DFP"), InstallOptions.defaults(), dir);
    }
    try (MirrorServer fromRoot = serve(root, MirrorServer.Layout.PACK_ROOT)) {
      assertThat(raw("GET", "/index.pidx").status()).isEqualTo(200); // the folder server still answers
      Path student = dir.resolve("student-root");
      try (PackCache cache = TestCaches.open(student, fromRoot.indexUrl())) {
        assertThat(cache.install(List.of("STM32G4xx_DFP"), InstallOptions.defaults(), dir))
            .extracting(a -> a.pack().id()).containsExactly("Keil.STM32G4xx_DFP.1.1.0");
      }
      for (String hidden : List.of("/.packs/web.json", "/.Web/index.pidx", "/Keil/STM32G4xx_DFP/1.1.0/Keil.STM32G4xx_DFP.pdsc",
          "/.Download/Keil.STM32G4xx_DFP.1.1.0.pack")) {
        assertThat(raw(fromRoot, "GET", hidden).status()).as(hidden).isEqualTo(404);
      }
      assertThat(raw(fromRoot, "GET", "/Keil.STM32G4xx_DFP.1.1.0.pack").body())
          .isEqualTo(Files.readAllBytes(root.resolve(".Download/Keil.STM32G4xx_DFP.1.1.0.pack")));
    }
  }

  @Test
  void aBusyPortIsAClearError() {
    MirrorServer.Options same = new MirrorServer.Options(folder, MirrorServer.Layout.MIRROR_FOLDER,
        InetAddress.getLoopbackAddress(), server.baseUrl().getPort());
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> MirrorServer.start(same, MirrorServer.Listener.NONE))
        .isInstanceOf(CacheIoException.class).hasMessageContaining("cannot listen on 127.0.0.1:" + server.baseUrl().getPort());
  }
}
