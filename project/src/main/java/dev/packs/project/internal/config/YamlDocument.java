package dev.packs.project.internal.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A YAML file edited as lines, so comments, blank lines, quoting and key order survive. It understands
 * the block-mapping subset {@code packs.yaml} uses; anything else on the path of an edit (lists,
 * flow mappings, tabs) is refused with {@link IllegalStateException} naming the line, never
 * rewritten. Callers re-parse the result to verify it.
 */
final class YamlDocument {
  private final List<String> lines;
  private final String newline;
  private final int step;

  private YamlDocument(List<String> lines, String newline) {
    this.lines = lines;
    this.newline = newline;
    this.step = detectStep(lines);
  }

  static YamlDocument parse(String text) {
    String newline = text.contains("\r\n") ? "\r\n" : "\n";
    List<String> lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
    if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    return new YamlDocument(lines, newline);
  }

  String text() {
    return lines.isEmpty() ? "" : String.join(newline, lines) + newline;
  }

  /** True when the key exists and holds a value on its own line ({@code flm: a.flm}). */
  boolean hasInlineValue(List<String> path) {
    return find(path).map(e -> !e.line().value().isEmpty()).orElse(false);
  }

  boolean contains(List<String> path) {
    return find(path).isPresent();
  }

  /** Sets a scalar, creating missing parent mappings at the end of their parent's block. */
  void set(List<String> path, String value) {
    Entry parent = Entry.root(lines.size());
    for (int depth = 0; depth < path.size(); depth++) {
      Optional<Entry> child = child(parent, path.get(depth));
      if (child.isEmpty()) {
        insert(parent, path.subList(depth, path.size()), value);
        return;
      }
      if (depth == path.size() - 1) {
        replaceValue(child.get(), value);
        return;
      }
      parent = openBlock(child.get());
    }
  }

  /** Removes a key with its whole block; returns false when it was absent. */
  boolean remove(List<String> path) {
    Optional<Entry> entry = find(path);
    entry.ifPresent(e -> lines.subList(e.keyLine(), e.end()).clear());
    return entry.isPresent();
  }

  private Optional<Entry> find(List<String> path) {
    Entry at = Entry.root(lines.size());
    for (int depth = 0; depth < path.size(); depth++) {
      Optional<Entry> child = child(at, path.get(depth));
      if (child.isEmpty()) {
        return Optional.empty();
      }
      at = child.get();
      if (depth < path.size() - 1) {
        at = openBlock(at);
      }
    }
    return Optional.of(at);
  }

  /** An entry whose children we are about to visit: it must be a block mapping. */
  private Entry openBlock(Entry entry) {
    String value = entry.line().value();
    if (value.equals("{}")) {
      lines.set(entry.keyLine(), entry.line().withValue(""));
      return entry;
    }
    if (!value.isEmpty()) {
      throw new IllegalStateException(
          "line " + (entry.keyLine() + 1) + ": '" + entry.line().key()
              + "' holds a value or a flow mapping; write it as an indented block");
    }
    return entry;
  }

  private Optional<Entry> child(Entry parent, String key) {
    int childIndent = -1;
    for (int i = parent.keyLine() + 1; i < parent.end(); i++) {
      String raw = lines.get(i);
      if (YamlLine.isBlankOrComment(raw)) {
        continue;
      }
      int indent = YamlLine.indentOf(raw);
      if (childIndent < 0) {
        childIndent = indent;
      }
      if (indent != childIndent) {
        continue;
      }
      YamlLine line = YamlLine.parse(raw, i + 1);
      if (YamlLine.sameKey(line.key(), key)) {
        return Optional.of(new Entry(i, line, blockEnd(i, line.indent())));
      }
    }
    return Optional.empty();
  }

  /** One past the last line that belongs to the key at {@code keyLine} (trailing comments excluded). */
  private int blockEnd(int keyLine, int indent) {
    int end = keyLine + 1;
    for (int i = keyLine + 1; i < lines.size(); i++) {
      String raw = lines.get(i);
      if (YamlLine.isBlankOrComment(raw)) {
        continue;
      }
      if (YamlLine.indentOf(raw) <= indent) {
        break;
      }
      end = i + 1;
    }
    return end;
  }

  private void replaceValue(Entry entry, String value) {
    lines.subList(entry.keyLine() + 1, entry.end()).clear();
    lines.set(entry.keyLine(), entry.line().withValue(value));
  }

  private void insert(Entry parent, List<String> keys, String value) {
    int indent = childIndent(parent);
    List<String> added = new ArrayList<>();
    for (int k = 0; k < keys.size(); k++) {
      String key = YamlLine.key(keys.get(k));
      String pad = " ".repeat(indent + k * step);
      boolean last = k == keys.size() - 1;
      added.add(pad + key + ":" + (last && !value.isEmpty() ? " " + value : ""));
    }
    lines.addAll(parent.end(), added);
  }

  private int childIndent(Entry parent) {
    for (int i = parent.keyLine() + 1; i < parent.end(); i++) {
      if (!YamlLine.isBlankOrComment(lines.get(i))) {
        return YamlLine.indentOf(lines.get(i));
      }
    }
    return parent.keyLine() < 0 ? 0 : parent.line().indent() + step;
  }

  private static int detectStep(List<String> lines) {
    for (String raw : lines) {
      if (!YamlLine.isBlankOrComment(raw) && YamlLine.indentOf(raw) > 0) {
        return YamlLine.indentOf(raw);
      }
    }
    return 2;
  }

  /** A key, its parsed line, and one past the last line of its block. The root has keyLine -1. */
  private record Entry(int keyLine, YamlLine line, int end) {
    static Entry root(int lineCount) {
      return new Entry(-1, null, lineCount);
    }
  }
}
