package dev.packs.cache.internal.disk;

import dev.packs.cache.AtomicFiles;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.packs.cache.CacheIoException;
import dev.packs.cache.internal.net.Validators;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What {@code update-index} knows about the copies in {@code .Web}: for the index and for each
 * descriptor, the URL, the index version it was fetched for, and the server's validators. Stored as
 * JSON in {@code .packs/web.json}; the nulls stay inside this storage type.
 */
public record WebState(Entry index, Map<String, Entry> descriptors) {
  static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /** One file in {@code .Web}; {@code etag} and {@code lastModified} are null when the server sent none. */
  public record Entry(String url, String version, String etag, String lastModified) {
    public static Entry of(String url, String version, Validators v) {
      return new Entry(url, version, v.etag().orElse(null), v.lastModified().orElse(null));
    }

    public Validators validators() {
      return new Validators(Optional.ofNullable(etag), Optional.ofNullable(lastModified));
    }
  }

  public WebState {
    descriptors = new TreeMap<>(descriptors == null ? Map.of() : descriptors);
  }

  public Optional<Entry> indexEntry() {
    return Optional.ofNullable(index);
  }

  public static WebState load(Path file) {
    try {
      return JSON.readValue(file.toFile(), WebState.class);
    } catch (IOException e) {
      // Missing or unreadable state only costs a full download; it never blocks an update.
      return new WebState(null, Map.of());
    }
  }

  public void save(Path file) throws CacheIoException {
    try {
      Files.createDirectories(file.getParent());
      AtomicFiles.writeBytes(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(this));
    } catch (IOException e) {
      throw new CacheIoException(file, e);
    }
  }
}
