package dev.packs.flm.internal.export;

import dev.packs.flm.EntryPoints;
import dev.packs.flm.ExportedAlgorithm;
import dev.packs.flm.FlashAlgorithm;
import dev.packs.flm.FlashDevice;
import dev.packs.flm.SectorRun;
import java.util.List;
import java.util.OptionalLong;

/**
 * The {@code flash_algorithms} list of a probe-rs target description. As in probe-rs, {@code
 * instructions} is the base64 blob without a header, {@code pc_*} are offsets into it (Thumb bit kept),
 * {@code data_section_offset} is the static base, and sector addresses are offsets from the flash start.
 */
public final class ProbeRsYaml {
  private ProbeRsYaml() {}

  public static String render(List<ExportedAlgorithm> algorithms) {
    StringBuilder out = new StringBuilder();
    out.append("# probe-rs target description fields, written by packs\n");
    out.append("flash_algorithms:\n");
    for (ExportedAlgorithm exported : algorithms) {
      algorithm(out, exported);
    }
    return out.toString();
  }

  private static void algorithm(StringBuilder out, ExportedAlgorithm exported) {
    FlashAlgorithm algo = exported.algorithm();
    EntryPoints e = algo.entryPoints();
    out.append("- name: ").append(Hex.quoted(exported.name())).append('\n');
    out.append("  description: ").append(Hex.quoted(algo.device().name())).append('\n');
    out.append("  # from ").append(algo.source()).append(", sha256 ").append(algo.sha256()).append('\n');
    out.append("  default: ").append(exported.isDefault()).append('\n');
    out.append("  instructions: ").append(algo.blob().base64()).append('\n');
    line(out, "pc_init", e.init());
    line(out, "pc_uninit", e.unInit());
    line(out, "pc_program_page", e.programPage());
    line(out, "pc_erase_sector", e.eraseSector());
    optional(out, "pc_erase_all", e.eraseChip());
    optional(out, "pc_verify", e.verify());
    optional(out, "pc_blank_check", e.blankCheck());
    line(out, "data_section_offset", algo.staticBase());
    properties(out, algo.device(), algo.sectors());
  }

  private static void properties(StringBuilder out, FlashDevice device, List<SectorRun> sectors) {
    out.append("  flash_properties:\n");
    out.append("    address_range:\n");
    out.append("      start: ").append(Hex.of(device.start())).append('\n');
    out.append("      end: ").append(Hex.of(device.end())).append('\n');
    out.append("    page_size: ").append(Hex.of(device.pageSize())).append('\n');
    out.append("    erased_byte_value: ").append(Hex.of(device.erasedValue())).append('\n');
    out.append("    program_page_timeout: ").append(device.programTimeoutMs()).append('\n');
    out.append("    erase_sector_timeout: ").append(device.eraseTimeoutMs()).append('\n');
    out.append("    sectors:\n");
    for (SectorRun run : sectors) {
      out.append("    - size: ").append(Hex.of(run.size())).append('\n');
      out.append("      address: ").append(Hex.of(run.start() - device.start())).append('\n');
    }
  }

  private static void line(StringBuilder out, String key, long value) {
    out.append("  ").append(key).append(": ").append(Hex.of(value)).append('\n');
  }

  private static void optional(StringBuilder out, String key, OptionalLong value) {
    if (value.isPresent()) {
      line(out, key, value.getAsLong());
    }
  }
}
