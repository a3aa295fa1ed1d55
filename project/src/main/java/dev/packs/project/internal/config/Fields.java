package dev.packs.project.internal.config;

import dev.packs.flm.RamWindow;
import com.fasterxml.jackson.databind.JsonNode;
import dev.packs.project.PackPin;
import dev.packs.project.ProjectException;
import dev.packs.project.TargetConfig;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Typed access to a YAML tree whose every error names the file and the dotted field. */
final class Fields {
  private final Path file;

  Fields(Path file) {
    this.file = file;
  }

  ProjectException.BadConfig bad(String field, String problem) {
    return new ProjectException.BadConfig(file, field, problem, null);
  }

  void requireObject(JsonNode node, String field) {
    if (!node.isObject()) {
      throw bad(field.isEmpty() ? "(top level)" : field, "expected a mapping of fields, found " + kind(node));
    }
  }

  void rejectUnknown(JsonNode node, String at, Set<String> known) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!known.contains(name)) {
        throw bad(
            at.isEmpty() ? name : at + "." + name,
            "unknown field; expected one of " + String.join(", ", new TreeSet<>(known)));
      }
    }
  }

  /** An optional scalar field, as text. */
  Optional<String> text(JsonNode parent, String at, String name) {
    JsonNode node = parent.path(name);
    if (node.isMissingNode() || node.isNull()) {
      return Optional.empty();
    }
    return Optional.of(scalarText(node, at + "." + name));
  }

  String scalarText(JsonNode node, String field) {
    if (!node.isValueNode() || node.isNull()) {
      throw bad(field, "expected a single value, found " + kind(node));
    }
    String text = node.asText().strip();
    if (text.isEmpty()) {
      throw bad(field, "is empty");
    }
    return text;
  }

  PackPin pin(String text, String field) {
    try {
      return PackPin.parse(text);
    } catch (IllegalArgumentException e) {
      throw bad(field, e.getMessage());
    }
  }

  RamWindow ram(JsonNode node, String field) {
    requireObject(node, field);
    rejectUnknown(node, field, Set.of("start", "size"));
    long start = number(node.path("start"), field + ".start");
    long size = number(node.path("size"), field + ".size");
    try {
      return new RamWindow(start, size);
    } catch (IllegalArgumentException e) {
      throw bad(field, e.getMessage());
    }
  }

  long number(JsonNode node, String field) {
    if (node.isMissingNode() || node.isNull()) {
      throw bad(field, "is missing");
    }
    if (node.isIntegralNumber()) {
      return node.longValue();
    }
    return address(scalarText(node, field), field);
  }

  /** A 32-bit number written in decimal or with a {@code 0x} prefix. */
  long address(String text, String field) {
    return Numbers.parse(text).orElseThrow(() -> bad(field, "'" + text + "' is not a number such as 0x08000000"));
  }

  private static String kind(JsonNode node) {
    if (node.isObject()) {
      return "a mapping";
    }
    if (node.isArray()) {
      return "a list";
    }
    return node.isNull() ? "nothing" : "'" + node.asText() + "'";
  }
}
