package dev.packs.flm;

import dev.packs.flm.testdata.TestAlgorithms;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code arm-none-eabi-readelf -hSsW -x DevDscr} said about a test algorithm, read from the text
 * that {@code test-algorithms/build.sh} saved next to it. An independent view to compare the loader to.
 */
record ReadelfReference(List<Section> sections, Map<String, Long> globals, byte[] devDscr) {
  record Section(String name, String type, long address, long offset, long size) {}

  private static final Pattern SECTION =
      Pattern.compile("^\\s*\\[\\s*\\d+]\\s+(\\S+)\\s+(\\S+)\\s+([0-9a-f]{8})\\s+([0-9a-f]{6})\\s+([0-9a-f]{6})");
  private static final Pattern SYMBOL =
      Pattern.compile("^\\s*\\d+:\\s+([0-9a-f]{8})\\s+\\d+\\s+(FUNC|OBJECT)\\s+GLOBAL\\s+\\S+\\s+\\S+\\s+(\\S+)");
  private static final Pattern HEX =
      Pattern.compile("^\\s*0x[0-9a-f]{8}((?: [0-9a-f]{2,8}){1,4})");

  static ReadelfReference of(String flmName) {
    Path text = TestAlgorithms.path(flmName.replace(".flm", ".readelf.txt"));
    try {
      return parse(Files.readAllLines(text));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ReadelfReference parse(List<String> lines) {
    List<Section> sections = new ArrayList<>();
    Map<String, Long> globals = new HashMap<>();
    StringBuilder hex = new StringBuilder();
    for (String line : lines) {
      Matcher m = SECTION.matcher(line);
      if (m.find()) {
        sections.add(new Section(m.group(1), m.group(2), hex(m.group(3)), hex(m.group(4)), hex(m.group(5))));
      } else if ((m = SYMBOL.matcher(line)).find()) {
        globals.put(m.group(3), hex(m.group(1)));
      } else if ((m = HEX.matcher(line)).find()) {
        hex.append(m.group(1).replace(" ", ""));
      }
    }
    return new ReadelfReference(sections, globals, HexFormat.of().parseHex(hex));
  }

  Section section(String name, String type) {
    return sections.stream()
        .filter(s -> s.name().equals(name) && s.type().equals(type))
        .findFirst()
        .orElseThrow();
  }

  private static long hex(String digits) {
    return Long.parseLong(digits, 16);
  }
}
