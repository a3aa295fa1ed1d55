package dev.packs.project.internal.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.packs.project.LockFile;
import dev.packs.project.ProjectException;
import dev.packs.project.ResolvedTarget;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code packs.lock} as JSON: keys in a fixed order, targets sorted by name, algorithms by region,
 * addresses as {@code 0x%08X} strings, so the file diffs well in review.
 */
public final class LockCodec {
  /** Bumped when the meaning of a field changes; older files are then rejected, not misread. */
  static final int FORMAT = 1;

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private LockCodec() {}

  public static void write(LockFile lock, Path file) {
    ObjectNode root = JSON.createObjectNode();
    root.put("lockVersion", FORMAT);
    ObjectNode targets = root.putObject("targets");
    for (Map.Entry<String, LockFile.Target> e : lock.targets().entrySet()) {
      ObjectNode t = targets.putObject(e.getKey());
      t.put("device", e.getValue().device());
      t.put("pack", e.getValue().pack());
      ArrayNode algorithms = t.putArray("algorithms");
      e.getValue().algorithms().stream()
          .sorted((a, b) -> Long.compare(a.region(), b.region()))
          .forEach(a -> algorithms.addObject()
              .put("region", Numbers.hex(a.region()))
              .put("origin", a.origin().name().toLowerCase(Locale.ROOT))
              .put("file", a.file())
              .put("sha256", a.sha256()));
    }
    try {
      write(file, JSON.writeValueAsString(root) + "\n");
    } catch (JacksonException e) {
      throw new IllegalStateException("cannot encode the lock file", e);
    }
  }

  public static LockFile read(Path file) {
    JsonNode root;
    try {
      String text = ConfigText.read(file);
      DuplicateKeys.check(JSON.getFactory(), text, file);
      root = JSON.readTree(text);
    } catch (NoSuchFileException e) {
      throw new ProjectException.FileFailure(file, "no lock file; run 'packs resolve' to write", e);
    } catch (JacksonException e) {
      throw new ProjectException.BadConfig(file, "", "not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new ProjectException.FileFailure(file, "cannot read", e);
    }
    Fields fields = new Fields(file);
    fields.requireObject(root, "");
    fields.rejectUnknown(root, "", Set.of("lockVersion", "targets"));
    if (root.path("lockVersion").asInt(-1) != FORMAT) {
      throw fields.bad("lockVersion", "expected " + FORMAT + "; run 'packs resolve' to rewrite the file");
    }
    SortedMap<String, LockFile.Target> targets = new TreeMap<>();
    JsonNode list = root.path("targets");
    fields.requireObject(list, "targets");
    for (Iterator<Map.Entry<String, JsonNode>> it = list.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      targets.put(e.getKey(), target(e.getValue(), "targets." + e.getKey(), fields));
    }
    return new LockFile(targets);
  }

  private static LockFile.Target target(JsonNode node, String at, Fields fields) {
    fields.requireObject(node, at);
    fields.rejectUnknown(node, at, Set.of("device", "pack", "algorithms"));
    String device = fields.text(node, at, "device").orElseThrow(() -> fields.bad(at + ".device", "is missing"));
    String pack = fields.text(node, at, "pack").orElseThrow(() -> fields.bad(at + ".pack", "is missing"));
    List<LockFile.Algorithm> algorithms = new ArrayList<>();
    JsonNode list = node.path("algorithms");
    if (!list.isArray()) {
      throw fields.bad(at + ".algorithms", "expected a list");
    }
    for (int i = 0; i < list.size(); i++) {
      String field = at + ".algorithms[" + i + "]";
      JsonNode a = list.get(i);
      fields.requireObject(a, field);
      fields.rejectUnknown(a, field, Set.of("region", "origin", "file", "sha256"));
      String origin = fields.text(a, field, "origin").orElseThrow(() -> fields.bad(field + ".origin", "is missing"));
      ResolvedTarget.Origin parsed;
      try {
        parsed = ResolvedTarget.Origin.valueOf(origin.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw fields.bad(field + ".origin", "expected pack or local, found '" + origin + "'");
      }
      algorithms.add(new LockFile.Algorithm(
          fields.number(a.path("region"), field + ".region"),
          parsed,
          fields.text(a, field, "file").orElseThrow(() -> fields.bad(field + ".file", "is missing")),
          fields.text(a, field, "sha256").orElseThrow(() -> fields.bad(field + ".sha256", "is missing"))));
    }
    return new LockFile.Target(device, pack, algorithms);
  }

  private static void write(Path file, String text) {
    try {
      dev.packs.cache.AtomicFiles.writeString(file.toAbsolutePath(), text);
    } catch (dev.packs.cache.CacheIoException e) {
      throw new ProjectException.FileFailure(file, "cannot write", e);
    }
  }
}
