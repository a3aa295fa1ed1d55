package dev.packs.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;

/** Prints records built for output as indented JSON, leaving the writer open. */
final class Json {
  private Json() {}

  static void print(PrintWriter out, Object value) throws IOException {
    new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
        .writeValue(out, value);
    out.println();
    out.flush();
  }
}
