package dev.packs.project.internal.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.packs.project.ProjectException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Refuses a key given twice in one mapping of {@code packs.yaml} or {@code packs.lock}. YAML and JSON
 * readers keep the last one silently, so a second {@code stm32g431kbtx:} block or a second {@code
 * algorithm:} line would quietly win; the error names the key and both lines. Jackson's own
 * duplicate detection names only the second line.
 */
final class DuplicateKeys {
  private DuplicateKeys() {}

  /** One open mapping: where it is, and the line of each key seen in it so far. */
  private record Scope(String path, Map<String, Integer> lines) {}

  /**
   * Checks {@code text}. Syntax errors are left for the full parse that follows, which reports them
   * with their position.
   */
  static void check(JsonFactory factory, String text, Path file) {
    Deque<Scope> scopes = new ArrayDeque<>();
    String pending = "";
    try (JsonParser p = factory.createParser(text)) {
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        switch (t) {
          case START_OBJECT -> {
            scopes.push(new Scope(pending, new HashMap<>()));
            pending = "";
          }
          case START_ARRAY -> {
            scopes.push(new Scope(pending + "[]", null));
            pending = "";
          }
          case END_OBJECT, END_ARRAY -> scopes.pop();
          case FIELD_NAME -> pending = field(scopes.peek(), p, file);
          default -> pending = "";
        }
        if (t.isScalarValue() && scopes.isEmpty()) {
          return;
        }
      }
    } catch (JacksonException e) {
      // Not well-formed: the full parse reports it with line and column.
    } catch (IOException e) {
      throw new IllegalStateException("reading a string cannot fail", e);
    }
  }

  private static String field(Scope scope, JsonParser p, Path file) throws IOException {
    String key = p.currentName();
    int line = p.currentTokenLocation().getLineNr();
    String path = scope.path().isEmpty() ? key : scope.path() + "." + key;
    Integer first = scope.lines().putIfAbsent(key, line);
    if (first != null) {
      throw new ProjectException.BadConfig(file, path,
          "key '" + key + "' appears twice, at line " + first + " and at line " + line + "; keep one", null);
    }
    return path;
  }
}
