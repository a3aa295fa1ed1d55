package dev.packs.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.packs.cache.DownloadException.Reason;
import dev.packs.cache.internal.net.Expect;
import dev.packs.cache.internal.net.Fetched;
import dev.packs.cache.internal.net.Transports;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One contract for every transport: run against HTTP on 127.0.0.1 and against {@code file:} URLs. */
abstract class TransportContractTest {
  @TempDir Path dir;
  Path docs;
  Transports transports;

  /** The URL under which {@code docs/name} is served. */
  abstract URI url(String name);

  abstract void start() throws Exception;

  void stop() {}

  @BeforeEach
  void setUp() throws Exception {
    docs = Files.createDirectories(dir.resolve("docs"));
    // A real descriptor: what the transports fetch most.
    Files.copy(Fixtures.pdsc("Keil.STM32G4xx_DFP.1.1.0.pdsc"), docs.resolve("Keil.STM32G4xx_DFP.pdsc"));
    Files.writeString(docs.resolve("login.html"), "<!DOCTYPE html><html><body>Sign in</body></html>");
    Files.write(docs.resolve("empty.pdsc"), new byte[0]);
    start();
    transports = new Transports(TestCaches.config(dir.resolve("root"), url("index.pidx")).build(), CacheListener.NONE);
  }

  @AfterEach
  void tearDown() {
    transports.close();
    stop();
  }

  private Fetched fetch(String name, Optional<dev.packs.cache.internal.net.Validators> known) throws Exception {
    return transports.fetch(name, url(name), known, dir.resolve("out.part"), Expect.XML);
  }

  @Test
  void writesTheBodyToTheTarget() throws Exception {
    Fetched f = fetch("Keil.STM32G4xx_DFP.pdsc", Optional.empty());
    assertThat(f).isInstanceOf(Fetched.Downloaded.class);
    assertThat(dir.resolve("out.part")).hasSameBinaryContentAs(docs.resolve("Keil.STM32G4xx_DFP.pdsc"));
    assertThat(((Fetched.Downloaded) f).bytes()).isEqualTo(Files.size(docs.resolve("Keil.STM32G4xx_DFP.pdsc")));
  }

  @Test
  void answersNotModifiedWhenValidatorsMatch() throws Exception {
    Fetched first = fetch("Keil.STM32G4xx_DFP.pdsc", Optional.empty());
    Fetched second = fetch("Keil.STM32G4xx_DFP.pdsc", Optional.of(((Fetched.Downloaded) first).validators()));
    assertThat(second).isInstanceOf(Fetched.NotModified.class);
  }

  @Test
  void fetchesAgainWhenTheContentChanged() throws Exception {
    Fetched first = fetch("Keil.STM32G4xx_DFP.pdsc", Optional.empty());
    Files.writeString(docs.resolve("Keil.STM32G4xx_DFP.pdsc"), "<package/>\n", StandardCharsets.UTF_8);
    Files.setLastModifiedTime(docs.resolve("Keil.STM32G4xx_DFP.pdsc"), java.nio.file.attribute.FileTime.fromMillis(1000));
    Fetched second = fetch("Keil.STM32G4xx_DFP.pdsc", Optional.of(((Fetched.Downloaded) first).validators()));
    assertThat(second).isInstanceOf(Fetched.Downloaded.class);
    assertThat(Files.readString(dir.resolve("out.part"))).isEqualTo("<package/>\n");
  }

  @Test
  void namesTheUrlOfAMissingFile() {
    assertThatThrownBy(() -> fetch("Nope.Nothing.pdsc", Optional.empty()))
        .isInstanceOfSatisfying(DownloadException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND);
          assertThat(e.url()).isEqualTo(url("Nope.Nothing.pdsc"));
          assertThat(e.getMessage()).contains(url("Nope.Nothing.pdsc").toString());
        });
  }

  @Test
  void rejectsAnHtmlPageInsteadOfADescriptor() {
    assertThatThrownBy(() -> fetch("login.html", Optional.empty()))
        .isInstanceOfSatisfying(DownloadException.class, e -> assertThat(e.reason()).isEqualTo(Reason.HTML_INSTEAD_OF_CONTENT));
  }

  @Test
  void rejectsAnEmptyBody() {
    assertThatThrownBy(() -> fetch("empty.pdsc", Optional.empty()))
        .isInstanceOfSatisfying(DownloadException.class, e -> assertThat(e.reason()).isEqualTo(Reason.EMPTY));
  }

  @Test
  void rejectsADescriptorWhereAZipWasExpected() {
    assertThatThrownBy(
            () -> transports.fetch("p", url("Keil.STM32G4xx_DFP.pdsc"), Optional.empty(), dir.resolve("o.part"), Expect.ZIP))
        .isInstanceOfSatisfying(DownloadException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNEXPECTED_CONTENT));
  }
}

class HttpTransportContractTest extends TransportContractTest {
  private LoopbackServer server;

  @Override
  void start() throws Exception {
    server = new LoopbackServer(docs);
  }

  @Override
  void stop() {
    server.close();
  }

  @Override
  URI url(String name) {
    return server.url(name);
  }

  @Test
  void routesRequestsThroughTheProxyFromTheEnvironment() throws Exception {
    ProxySettings proxy = ProxySettings.fromEnvironment(java.util.Map.of("HTTP_PROXY", "127.0.0.1:" + server.url("").getPort()));
    try (Transports viaProxy =
        new Transports(TestCaches.config(dir.resolve("root"), url("index.pidx")).proxies(proxy).build(), CacheListener.NONE)) {
      // The host does not resolve: only a proxy can answer, and this one serves its own folder.
      viaProxy.fetch("d", URI.create("http://packs.example.invalid/Keil.STM32G4xx_DFP.pdsc"), Optional.empty(), dir.resolve("p.part"), Expect.XML);
    }
    assertThat(dir.resolve("p.part")).hasSameBinaryContentAs(docs.resolve("Keil.STM32G4xx_DFP.pdsc"));
    assertThat(server.requests()).singleElement().satisfies(r -> assertThat(r.header("Host")).isEqualTo("packs.example.invalid"));
  }

  @Test
  void sendsAUserAgentNamingPacks() throws Exception {
    transports.fetch("d", url("Keil.STM32G4xx_DFP.pdsc"), Optional.empty(), dir.resolve("o.part"), Expect.XML);
    assertThat(server.requests().get(0).header("User-Agent")).startsWith("packs/");
  }
}

class FileTransportContractTest extends TransportContractTest {
  @Override
  void start() {}

  @Override
  URI url(String name) {
    return docs.resolve(name).toUri();
  }
}
