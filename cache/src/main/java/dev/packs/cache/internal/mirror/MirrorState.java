package dev.packs.cache.internal.mirror;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.packs.cache.AtomicFiles;
import dev.packs.cache.CacheIoException;
import dev.packs.cache.internal.net.Validators;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a mirror folder knows about itself, in {@code .packs-mirror/state.json}: the upstream index,
 * the requests made so far (a rerun repeats them), and per file its source URL, the server's
 * validators and the SHA-256, size and time it was verified with. The nulls stay inside this type.
 *
 * @param upstream the index URL the folder mirrors
 * @param requests pack requests of earlier runs, {@code Vendor::Name[@range]}
 * @param all whether an earlier run mirrored the whole index
 * @param files by name: {@code Vendor.Name.pdsc} and packs in the folder, {@code upstream.pidx} and
 *     {@code vendors/X.pidx} in the state folder
 */
public record MirrorState(String upstream, List<String> requests, boolean all, Map<String, FileEntry> files) {
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /** One file: where it came from and what it was when verified. */
  public record FileEntry(
      String url, String version, String etag, String lastModified, String sha256, long size, long modified) {
    Validators validators() {
      return new Validators(Optional.ofNullable(etag), Optional.ofNullable(lastModified));
    }
  }

  public MirrorState {
    requests = new ArrayList<>(new LinkedHashSet<>(requests == null ? List.of() : requests));
    files = new ConcurrentHashMap<>(files == null ? Map.of() : files);
  }

  static MirrorState load(Path file) {
    try {
      return JSON.readValue(file.toFile(), MirrorState.class);
    } catch (IOException e) {
      // A missing or damaged state costs re-verifying the folder, never a wrong file.
      return new MirrorState(null, List.of(), false, Map.of());
    }
  }

  void save(Path file) throws CacheIoException {
    Map<String, Object> ordered = new LinkedHashMap<>();
    ordered.put("upstream", upstream);
    ordered.put("requests", requests);
    ordered.put("all", all);
    ordered.put("files", new TreeMap<>(files));
    try {
      byte[] body = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(ordered);
      AtomicFiles.writeBytes(file, body);
    } catch (IOException e) {
      throw new CacheIoException(file, e);
    }
  }

  Optional<FileEntry> file(String name) {
    return Optional.ofNullable(files.get(name));
  }
}
