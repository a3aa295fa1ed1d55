package dev.packs.flm.internal.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

class HexTest {
  // Latin-1 (µ), BMP beyond Latin-1 (€), a non-BMP emoji, a control character and the two characters
  // that need a backslash: one of each branch of the escaping.
  private static final String NAME = "Flash µ€\uD83D\uDE00\t\"x\\";

  @Test
  void quotedEscapesEachCodePointWithTheEscapeThatHoldsIt() {
    // x, u and U escapes mean the same code point in a YAML double-quoted scalar and in a Python str literal.
    assertThat(Hex.quoted(NAME)).isEqualTo("\"Flash \\xb5\\u20ac\\U0001f600\\x09\\\"x\\\\\"");
  }

  @Test
  void quotedNameReadsBackUnchangedFromYaml() throws Exception {
    String yaml = "name: " + Hex.quoted(NAME) + "\n";
    assertThat(new YAMLMapper().readTree(yaml).get("name").asText()).isEqualTo(NAME);
  }
}
