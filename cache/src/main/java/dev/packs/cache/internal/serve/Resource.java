package dev.packs.cache.internal.serve;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

/**
 * One thing the server can send: a file, or bytes made for the request (an index whose URLs were
 * made absolute). Carries what conditional and range requests need: size, time and a strong ETag.
 */
record Resource(String contentType, long size, Instant modified, String etag, Body body) {
  /** Opens the body at an offset. */
  interface Body {
    InputStream open(long offset) throws IOException;
  }

  /** A file; the ETag is its size and modification time, as static servers make it. */
  static Resource file(Path file) throws IOException {
    long size = Files.size(file);
    Instant modified = Files.getLastModifiedTime(file).toInstant();
    String etag = "\"" + Long.toHexString(size) + "-" + Long.toHexString(modified.toEpochMilli()) + "\"";
    return new Resource(contentType(file.getFileName().toString()), size, modified, etag, offset -> {
      SeekableByteChannel channel = Files.newByteChannel(file);
      channel.position(offset);
      return Channels.newInputStream(channel);
    });
  }

  /** Bytes made for this request; the ETag is their digest, so it changes exactly when they do. */
  static Resource bytes(String name, byte[] body, Instant modified) {
    byte[] digest = dev.packs.cache.internal.pack.Digests.sha256().digest(body);
    String etag = "\"" + HexFormat.of().formatHex(Arrays.copyOf(digest, 12)) + "\"";
    return new Resource(contentType(name), body.length, modified, etag,
        offset -> new ByteArrayInputStream(body, (int) offset, body.length - (int) offset));
  }

  static String contentType(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".pidx") || lower.endsWith(".vidx") || lower.endsWith(".pdsc") || lower.endsWith(".xml")) {
      return "application/xml";
    }
    if (lower.endsWith(".pack") || lower.endsWith(".zip")) {
      return "application/zip";
    }
    if (lower.endsWith(".json")) {
      return "application/json";
    }
    if (lower.endsWith("sha256sums") || lower.endsWith(".txt") || lower.endsWith(".checksum")) {
      return "text/plain; charset=utf-8";
    }
    return "application/octet-stream";
  }
}
