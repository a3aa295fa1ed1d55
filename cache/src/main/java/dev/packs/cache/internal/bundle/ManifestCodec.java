package dev.packs.cache.internal.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.packs.cache.PackBundle;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** {@code bundle.json} as JSON, field by field, so that a bad manifest names the field concerned. */
final class ManifestCodec {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ManifestCodec() {}

  static byte[] write(PackBundle.Manifest m) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", m.format());
    root.put("created", m.created());
    root.put("lockSha256", m.lockSha256());
    entries(root.putArray("packs"), m.packs());
    entries(root.putArray("files"), m.files());
    try {
      return JSON.writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode a bundle manifest", e);
    }
  }

  private static void entries(ArrayNode array, List<PackBundle.Entry> entries) {
    for (PackBundle.Entry e : entries) {
      array.addObject().put("key", e.key()).put("entry", e.entry()).put("sha256", e.sha256()).put("size", e.size());
    }
  }

  /** @throws IOException naming the field that is missing or malformed */
  static PackBundle.Manifest read(byte[] body) throws IOException {
    JsonNode root = JSON.readTree(body);
    if (root == null || !root.isObject()) {
      throw new IOException("the manifest is not a JSON object");
    }
    int format = root.path("format").asInt(-1);
    if (format != PackBundle.Manifest.FORMAT) {
      throw new IOException("format: expected " + PackBundle.Manifest.FORMAT + ", found " + root.path("format"));
    }
    return new PackBundle.Manifest(format, text(root, "created"), text(root, "lockSha256"),
        entries(root, "packs"), entries(root, "files"));
  }

  private static List<PackBundle.Entry> entries(JsonNode root, String field) throws IOException {
    JsonNode array = root.path(field);
    if (!array.isArray()) {
      throw new IOException(field + ": expected a list");
    }
    List<PackBundle.Entry> entries = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      JsonNode e = array.get(i);
      String at = field + "[" + i + "]";
      if (!e.path("size").canConvertToLong() || e.path("size").asLong() < 0) {
        throw new IOException(at + ".size: expected a byte count");
      }
      entries.add(new PackBundle.Entry(text(e, at, "key"), text(e, at, "entry"), text(e, at, "sha256"), e.path("size").asLong()));
    }
    return entries;
  }

  private static String text(JsonNode node, String field) throws IOException {
    return text(node, "", field);
  }

  private static String text(JsonNode node, String at, String field) throws IOException {
    JsonNode value = node.path(field);
    if (!value.isTextual()) {
      throw new IOException((at.isEmpty() ? "" : at + ".") + field + ": expected text");
    }
    return value.asText();
  }
}
