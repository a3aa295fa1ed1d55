package dev.packs.cache.internal.disk;

import dev.packs.cache.AtomicFiles;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.packs.cache.CacheIoException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What was installed: the archive's source and SHA-256, and the SHA-256 of every extracted file, so
 * {@code verify} can tell what changed. Stored in {@code .packs/installed/Vendor.Name.Version.json},
 * written before the pack folder is renamed into place; a record without its folder means nothing.
 */
public record InstallRecord(
    String vendor, String name, String version, String source, String archiveSha256, String installedAt, Map<String, String> files) {
  public InstallRecord {
    files = new TreeMap<>(files == null ? Map.of() : files);
  }

  public static Path fileFor(Path stateDir, String vendor, String name, String version) {
    return stateDir.resolve("installed").resolve(vendor + "." + name + "." + version + ".json");
  }

  public static Optional<InstallRecord> load(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(WebState.JSON.readValue(file.toFile(), InstallRecord.class));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  public void save(Path file) throws CacheIoException {
    try {
      AtomicFiles.writeBytes(file, WebState.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(this));
    } catch (IOException e) {
      throw new CacheIoException(file, e);
    }
  }
}
