package dev.packs.flm.internal.export;

import dev.packs.flm.AlgorithmPlacer;
import dev.packs.flm.Blob;
import dev.packs.flm.EntryPoints;
import dev.packs.flm.ExportedAlgorithm;
import dev.packs.flm.FlashAlgorithm;
import dev.packs.flm.PlacedAlgorithm;
import dev.packs.flm.SectorRun;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * A pyOCD flash algorithm dict as a Python literal, placed by {@link AlgorithmPlacer}: {@code
 * instructions} is the breakpoint word then the blob as little-endian words from {@code load_address};
 * every {@code pc_*} and stack or buffer address is absolute. An absent optional function is
 * 0xFFFFFFFF, as pyOCD expects.
 */
public final class PyocdDict {
  private static final long ABSENT = 0xFFFF_FFFFL;

  private PyocdDict() {}

  public static String render(List<ExportedAlgorithm> algorithms) {
    StringBuilder out = new StringBuilder("# pyOCD flash algorithms, written and placed by packs\n");
    for (ExportedAlgorithm exported : algorithms) {
      PlacedAlgorithm placed =
          AlgorithmPlacer.place(
              exported.algorithm(),
              exported.ram().orElseThrow(() -> new IllegalArgumentException(
                  "the pyOCD format needs a RAM window for " + exported.name())));
      dict(out, exported.name(), placed);
    }
    return out.toString();
  }

  private static void dict(StringBuilder out, String name, PlacedAlgorithm placed) {
    FlashAlgorithm algo = placed.algorithm();
    EntryPoints e = placed.entryPoints();
    out.append("\n# ").append(algo.source()).append(", sha256 ").append(algo.sha256());
    out.append(", in ").append(placed.ram()).append('\n');
    out.append(pythonName(name)).append(" = {\n");
    entry(out, "load_address", Hex.word(placed.loadAddress()));
    out.append("    'instructions': [\n").append(words(placed.image())).append("    ],\n");
    entry(out, "pc_init", Hex.word(e.init()));
    entry(out, "pc_unInit", Hex.word(e.unInit()));
    entry(out, "pc_program_page", Hex.word(e.programPage()));
    entry(out, "pc_erase_sector", Hex.word(e.eraseSector()));
    entry(out, "pc_eraseAll", Hex.word(orAbsent(e.eraseChip())));
    entry(out, "static_base", Hex.word(placed.staticBase()));
    entry(out, "begin_stack", Hex.word(placed.stackTop()));
    entry(out, "end_stack", Hex.word(placed.stackBottom()));
    entry(out, "begin_data", Hex.word(placed.pageBuffers().get(0)));
    entry(out, "page_buffers", "[" + placed.pageBuffers().stream().map(Hex::word)
        .collect(Collectors.joining(", ")) + "]");
    entry(out, "min_program_length", Hex.of(algo.device().pageSize()));
    entry(out, "page_size", Hex.of(algo.device().pageSize()));
    entry(out, "analyzer_supported", "False");
    regions(out, algo);
    out.append("}\n");
  }

  private static void regions(StringBuilder out, FlashAlgorithm algo) {
    entry(out, "ro_start", Hex.of(algo.sections().code().offset()));
    entry(out, "ro_size", Hex.of(algo.sections().code().size()));
    entry(out, "rw_start", Hex.of(algo.sections().data().offset()));
    entry(out, "rw_size", Hex.of(algo.sections().data().size()));
    entry(out, "zi_start", Hex.of(algo.sections().bss().offset()));
    entry(out, "zi_size", Hex.of(algo.sections().bss().size()));
    entry(out, "flash_start", Hex.word(algo.device().start()));
    entry(out, "flash_size", Hex.of(algo.device().size()));
    entry(out, "erased_byte_value", Hex.of(algo.device().erasedValue()));
    out.append("    'sector_sizes': (\n");
    for (SectorRun run : algo.sectors()) {
      out.append("        (").append(Hex.of(run.start() - algo.device().start())).append(", ")
          .append(Hex.of(run.size())).append("),\n");
    }
    out.append("    ),\n");
  }

  private static String words(Blob image) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < image.size(); i += 4) {
      out.append(i % 32 == 0 ? "        " : " ").append(Hex.word(image.wordAt(i))).append(',');
      if (i % 32 == 28 || i + 4 >= image.size()) {
        out.append('\n');
      }
    }
    return out.toString();
  }

  private static void entry(StringBuilder out, String key, String value) {
    out.append("    '").append(key).append("': ").append(value).append(",\n");
  }

  private static long orAbsent(OptionalLong value) {
    return value.orElse(ABSENT);
  }

  /** FLASH_ALGO_&lt;NAME&gt;, a valid Python identifier. */
  private static String pythonName(String name) {
    return "FLASH_ALGO_" + name.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
  }
}
