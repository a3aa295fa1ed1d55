package dev.packs.flm.internal;

import dev.packs.flm.FlashDevice;
import dev.packs.flm.FlmFormatException;
import dev.packs.flm.SectorRun;
import dev.packs.flm.internal.elf.ElfFile;
import dev.packs.flm.internal.elf.ElfSection;
import dev.packs.flm.internal.elf.ElfSymbol;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the {@code FlashDevice} symbol: the 160-byte header, then (size, offset) sector pairs up to the
 * pair 0xFFFFFFFF, 0xFFFFFFFF. Field offsets: 0 version u16, 2 name[128], 130 type u16, 132 start, 136
 * size, 140 page size, 144 reserved, 148 erased value u8, 152 program timeout, 156 erase timeout.
 */
final class DeviceReader {
  static final int HEADER_SIZE = 160;
  static final long SECTOR_END = 0xFFFF_FFFFL;

  record Result(FlashDevice device, List<SectorRun> sectors) {}

  private DeviceReader() {}

  /**
   * Reads the descriptor at the {@code FlashDevice} symbol; without the symbol, at the start of the
   * {@code DevDscr} section, where Keil's linker scripts put it.
   */
  static Result read(ElfFile elf, String source) {
    Optional<ElfSymbol> symbol = elf.symbol("FlashDevice");
    ElfSection section =
        symbol.isPresent()
            ? elf.section(symbol.get().sectionIndex())
                .filter(ElfSection::hasFileData)
                .orElseThrow(() -> new FlmFormatException.Malformed(
                    source, "symbol 'FlashDevice' is not in a section with data"))
            : elf.sections().stream()
                .filter(s -> s.name().equals("DevDscr") && s.type() == ElfSection.SHT_PROGBITS)
                .findFirst()
                .orElseThrow(() -> new FlmFormatException.MissingSymbol(source, "FlashDevice"));
    long from = symbol.map(ElfSymbol::value).orElse(section.address()) - section.address();
    ByteBuffer header = le(elf.read(section, from, HEADER_SIZE, "FlashDevice"));
    FlashDevice device = device(header, source);
    return new Result(device, sectors(elf, section, from + HEADER_SIZE, device, source));
  }

  /** Where the Cortex-M private peripheral bus and vendor system space begin; never flash. */
  static final long SYSTEM_SPACE = 0xE000_0000L;

  private static FlashDevice device(ByteBuffer b, String source) {
    long start = u32(b, 132);
    long size = u32(b, 136);
    if (start >= SYSTEM_SPACE) {
      throw new FlmFormatException.BadFlashDevice(source, "DevAdr", start,
          String.format("the flash would start in the Cortex-M system space (0x%08X and up)", SYSTEM_SPACE));
    }
    if (start + size > SYSTEM_SPACE) {
      throw new FlmFormatException.BadFlashDevice(source, "szDev", size, String.format(
          "the flash 0x%08X..0x%08X would reach into the Cortex-M system space at 0x%08X",
          start, start + size - 1, SYSTEM_SPACE));
    }
    return new FlashDevice(
        b.getShort(0) & 0xFFFF,
        name(b),
        b.getShort(130) & 0xFFFF,
        start,
        size,
        u32(b, 140),
        b.get(148) & 0xFF,
        u32(b, 152),
        u32(b, 156));
  }

  private static String name(ByteBuffer b) {
    int length = 0;
    while (length < 128 && b.get(2 + length) != 0) {
      length++;
    }
    return new String(b.array(), 2, length, StandardCharsets.ISO_8859_1).trim();
  }

  private static List<SectorRun> sectors(
      ElfFile elf, ElfSection section, long from, FlashDevice device, String source) {
    List<long[]> pairs = new ArrayList<>();
    for (long at = from; ; at += 8) {
      if (at < 0 || at + 8 > section.size()) {
        throw new FlmFormatException.UnterminatedSectorList(source);
      }
      ByteBuffer pair = le(elf.read(section, at, 8, "FlashDevice sector list"));
      long size = u32(pair, 0);
      long offset = u32(pair, 4);
      if (size == SECTOR_END && offset == SECTOR_END) {
        break;
      }
      pairs.add(new long[] {size, offset});
    }
    if (pairs.isEmpty()) {
      throw new FlmFormatException.BadSectorList(source, "no sectors");
    }
    return runs(pairs, device, source);
  }

  private static final long ADDRESS_SPACE_END = 0x1_0000_0000L;

  private static List<SectorRun> runs(List<long[]> pairs, FlashDevice device, String source) {
    List<SectorRun> runs = new ArrayList<>(pairs.size());
    for (int i = 0; i < pairs.size(); i++) {
      long size = pairs.get(i)[0];
      long offset = pairs.get(i)[1];
      long endOffset = i + 1 < pairs.size() ? pairs.get(i + 1)[1] : device.size();
      if (size == 0) {
        throw new FlmFormatException.BadSectorList(
            source, String.format("sector size 0 at offset 0x%X", offset));
      }
      if (endOffset <= offset) {
        throw new FlmFormatException.BadSectorList(
            source,
            String.format(
                "sectors at offset 0x%X end at 0x%X (offsets must increase and stay below the"
                    + " device size 0x%X)",
                offset, endOffset, device.size()));
      }
      if (device.start() + endOffset > ADDRESS_SPACE_END) {
        throw new FlmFormatException.BadSectorList(
            source,
            String.format(
                "sectors at offset 0x%X end at 0x%X from device start 0x%08X, beyond the 32-bit"
                    + " address space",
                offset, endOffset, device.start()));
      }
      runs.add(new SectorRun(device.start() + offset, size, device.start() + endOffset));
    }
    return runs;
  }

  private static ByteBuffer le(byte[] bytes) {
    return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
  }

  private static long u32(ByteBuffer b, int at) {
    return b.getInt(at) & 0xFFFF_FFFFL;
  }
}
