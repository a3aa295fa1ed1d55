package dev.packs.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.packs.cache.internal.net.Expect;
import dev.packs.cache.internal.net.Fetched;
import dev.packs.cache.internal.net.Transports;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lab's quickest local mirror is {@code python3 -m http.server}: HTTP/1.0, one response per
 * connection, then close. Fetching from it twice must not look like a failure.
 */
class Http10ServerTest {
  @TempDir Path dir;

  @Test
  void secondDownloadFromAnHttp10ServerIsNotRetried() throws Exception {
    byte[] body = Files.readAllBytes(Fixtures.pdsc("Keil.STM32G4xx_DFP.1.1.0.pdsc"));
    List<String> retries = new ArrayList<>();
    CacheListener listener = new CacheListener() {
      @Override
      public void retrying(URI url, int nextAttempt, String reason, long pauseMillis) {
        retries.add(url + ": " + reason);
      }
    };
    try (ServerSocket server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
      Thread serving = new Thread(() -> serve(server, body), "http10");
      serving.setDaemon(true);
      serving.start();
      URI base = URI.create("http://127.0.0.1:" + server.getLocalPort() + "/");
      CacheConfig config = TestCaches.config(dir.resolve("root"), base.resolve("index.pidx")).build();
      try (Transports transports = new Transports(config, listener)) {
        for (int i = 0; i < 3; i++) {
          Fetched f = transports.fetch("pdsc " + i, base.resolve("Keil.STM32G4xx_DFP.pdsc"),
              Optional.empty(), dir.resolve("out" + i + ".part"), Expect.XML);
          assertThat(f).isInstanceOf(Fetched.Downloaded.class);
        }
      }
    }
    assertThat(retries).isEmpty();
  }

  /** Answers like Python's SimpleHTTPRequestHandler: HTTP/1.0, no keep-alive, close. */
  private static void serve(ServerSocket server, byte[] body) {
    while (!server.isClosed()) {
      try (Socket s = server.accept()) {
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
          // request line and headers: ignored
        }
        OutputStream out = s.getOutputStream();
        out.write(("HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6 Python/3.11.7\r\n"
            + "Content-type: application/octet-stream\r\nContent-Length: " + body.length + "\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
      } catch (java.io.IOException closed) {
        return;
      }
    }
  }
}
