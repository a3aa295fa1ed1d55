package dev.packs.cache;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.zip.UnixStat;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/** Real descriptors from ../shared/data and packs assembled from them in a test folder. */
final class Fixtures {
  private Fixtures() {}

  static Path shared() {
    return Path.of(System.getProperty("packs.shared", "../../shared"));
  }

  static Path pdsc(String file) {
    return shared().resolve("data").resolve("pdsc").resolve(file);
  }

  static byte[] bytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Assembles zip archives entry by entry, including hostile ones. */
  static final class Zip {
    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private final Map<String, String> links = new LinkedHashMap<>();

    Zip file(String name, byte[] content) {
      files.put(name, content);
      return this;
    }

    Zip file(String name, String content) {
      return file(name, content.getBytes(StandardCharsets.UTF_8));
    }

    Zip symlink(String name, String target) {
      links.put(name, target);
      return this;
    }

    Path writeTo(Path target) throws IOException {
      Files.createDirectories(target.getParent());
      try (OutputStream os = Files.newOutputStream(target);
          ZipArchiveOutputStream zip = new ZipArchiveOutputStream(os)) {
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
          ZipArchiveEntry entry = new ZipArchiveEntry(e.getKey());
          zip.putArchiveEntry(entry);
          zip.write(e.getValue());
          zip.closeArchiveEntry();
        }
        for (Map.Entry<String, String> e : links.entrySet()) {
          ZipArchiveEntry entry = new ZipArchiveEntry(e.getKey());
          entry.setUnixMode(UnixStat.LINK_FLAG | 0777);
          zip.putArchiveEntry(entry);
          zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
          zip.closeArchiveEntry();
        }
      }
      return target;
    }
  }

  /** A pack made from a real descriptor plus a few small files; named as the spec wants. */
  static Zip packOf(Path pdsc, String fileName) {
    return new Zip()
        .file(fileName, bytes(pdsc))
        .file("Flash/STM32G4xx_512.FLM", "not a real algorithm, only bytes to extract\n".repeat(50))
        .file("Documents/readme.txt", "fixture\n");
  }

  private static final Pattern VENDOR = Pattern.compile("<vendor>\\s*([^<\\s]+)\\s*</vendor>");
  private static final Pattern NAME = Pattern.compile("<name>\\s*([^<\\s]+)\\s*</name>");
  private static final Pattern RELEASE = Pattern.compile("<release[^>]*version=\"([^\"]+)\"");

  /** Vendor, name and first release of a descriptor, read crudely for building fixtures. */
  static String[] header(Path pdsc) {
    String text = new String(bytes(pdsc), StandardCharsets.UTF_8);
    return new String[] {first(VENDOR, text), first(NAME, text), first(RELEASE, text)};
  }

  private static String first(Pattern p, String text) {
    Matcher m = p.matcher(text);
    if (!m.find()) {
      throw new IllegalStateException("fixture without " + p);
    }
    return m.group(1);
  }
}
