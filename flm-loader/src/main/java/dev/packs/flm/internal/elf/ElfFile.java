package dev.packs.flm.internal.elf;

import dev.packs.flm.FlmFormatException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A minimal reader for ELF32 little-endian ARM executables: the header, the section headers with
 * their names, and the symbol table. It checks every offset against the file before reading, so a
 * malformed file fails with a typed {@link FlmFormatException}, never an index error.
 */
public final class ElfFile {
  public static final int EHDR_SIZE = 52;
  static final int SHDR_SIZE = 40;
  static final int SYM_SIZE = 16;
  static final int EM_ARM = 40;

  private final byte[] bytes;
  private final String source;
  private final ByteBuffer buf;
  private final List<ElfSection> sections;
  private final List<ElfSymbol> symbols;

  private ElfFile(byte[] bytes, String source) {
    this.bytes = bytes;
    this.source = source;
    this.buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    checkHeader(bytes, source);
    this.sections = readSections();
    this.symbols = readSymbols();
  }

  /** Parses {@code bytes}; {@code source} names the file in errors. The array is not copied. */
  public static ElfFile parse(byte[] bytes, String source) {
    return new ElfFile(bytes, source);
  }

  public List<ElfSection> sections() {
    return sections;
  }

  public List<ElfSymbol> symbols() {
    return symbols;
  }

  /**
   * The defined symbol with this name, preferring a global one, as a linker would export it. An
   * undefined reference (section index 0) does not count.
   */
  public Optional<ElfSymbol> symbol(String name) {
    ElfSymbol local = null;
    for (ElfSymbol s : symbols) {
      if (s.name().equals(name) && s.sectionIndex() != 0) {
        if (s.isGlobal()) {
          return Optional.of(s);
        }
        local = local == null ? s : local;
      }
    }
    return Optional.ofNullable(local);
  }

  /** The section at this header index. */
  public Optional<ElfSection> section(int index) {
    return index > 0 && index < sections.size() ? Optional.of(sections.get(index)) : Optional.empty();
  }

  /**
   * Copies {@code length} bytes of a section's file data starting {@code from} bytes into it.
   *
   * @throws FlmFormatException.Truncated if the range is not inside the section's file data
   */
  public byte[] read(ElfSection section, long from, long length, String what) {
    if (!section.hasFileData() || from < 0 || length < 0 || from + length > section.size()) {
      throw new FlmFormatException.Truncated(source, what);
    }
    byte[] out = new byte[(int) length];
    System.arraycopy(bytes, (int) (section.offset() + from), out, 0, (int) length);
    return out;
  }

  /**
   * Checks an ELF header: the magic, ELF32, little-endian, ARM. Works on the first {@link #EHDR_SIZE}
   * bytes alone, so a loader can refuse a huge file that is not an FLM before reading the rest.
   */
  public static void checkHeader(byte[] bytes, String source) {
    if (bytes.length < 4
        || bytes[0] != 0x7F
        || bytes[1] != 'E'
        || bytes[2] != 'L'
        || bytes[3] != 'F') {
      throw bytes.length > 0 && bytes.length < 4 && isMagicPrefix(bytes)
          ? new FlmFormatException.Truncated(source, "ELF header")
          : new FlmFormatException.NotElf(source);
    }
    if (bytes.length < 6) {
      throw new FlmFormatException.Truncated(source, "ELF header");
    }
    if (bytes[4] != 1) {
      throw new FlmFormatException.WrongClass(source, bytes[4] == 2 ? "ELF64" : "ELF class " + bytes[4]);
    }
    if (bytes[5] != 1) {
      throw new FlmFormatException.WrongClass(source, bytes[5] == 2 ? "big-endian ELF32" : "ELF data encoding " + bytes[5]);
    }
    if (bytes.length < EHDR_SIZE) {
      throw new FlmFormatException.Truncated(source, "ELF header");
    }
    int machine = (bytes[18] & 0xFF) | (bytes[19] & 0xFF) << 8;
    if (machine != EM_ARM) {
      throw new FlmFormatException.WrongMachine(source, machine);
    }
  }

  private static boolean isMagicPrefix(byte[] bytes) {
    byte[] magic = {0x7F, 'E', 'L', 'F'};
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] != magic[i]) {
        return false;
      }
    }
    return true;
  }

  private List<ElfSection> readSections() {
    long shoff = u32(32);
    int shentsize = u16(46);
    int shnum = u16(48);
    int shstrndx = u16(50);
    if (shnum == 0) {
      throw new FlmFormatException.MissingSection(source, "PrgCode");
    }
    if (shentsize < SHDR_SIZE) {
      throw new FlmFormatException.Malformed(source, "section header size " + shentsize + " < 40");
    }
    if (shoff + (long) shentsize * shnum > bytes.length) {
      throw new FlmFormatException.Truncated(source, "section header table");
    }
    if (shstrndx >= shnum) {
      throw new FlmFormatException.Malformed(source, "section name table index " + shstrndx + " >= " + shnum);
    }
    long[][] raw = new long[shnum][];
    for (int i = 0; i < shnum; i++) {
      raw[i] = rawSection((int) (shoff + (long) i * shentsize), i);
    }
    long[] names = raw[shstrndx];
    List<ElfSection> out = new ArrayList<>(shnum);
    for (int i = 0; i < shnum; i++) {
      long[] r = raw[i];
      String name = i == 0 ? "" : string(names[4], names[5], r[0], "section name table");
      out.add(new ElfSection(i, name, (int) r[1], r[2], r[3], r[4], r[5], r[6]));
    }
    return List.copyOf(out);
  }

  /** name, type, flags, addr, offset, size, link; checks that file-backed data lies in the file. */
  private long[] rawSection(int at, int index) {
    long type = u32(at + 4);
    long offset = u32(at + 16);
    long size = u32(at + 20);
    if (type != ElfSection.SHT_NOBITS && type != 0 && offset + size > bytes.length) {
      throw new FlmFormatException.Truncated(source, "data of section " + index);
    }
    return new long[] {u32(at), type, u32(at + 8), u32(at + 12), offset, size, u32(at + 24)};
  }

  private List<ElfSymbol> readSymbols() {
    ElfSection symtab =
        sections.stream()
            .filter(s -> s.type() == ElfSection.SHT_SYMTAB)
            .findFirst()
            .orElseThrow(() -> new FlmFormatException.MissingSection(source, ".symtab"));
    if (symtab.link() <= 0 || symtab.link() >= sections.size()) {
      throw new FlmFormatException.Malformed(source, "symbol table links to no string table");
    }
    ElfSection strtab = sections.get((int) symtab.link());
    if (!strtab.hasFileData()) {
      throw new FlmFormatException.Malformed(source, "symbol string table has no data");
    }
    int count = (int) (symtab.size() / SYM_SIZE);
    List<ElfSymbol> out = new ArrayList<>(count);
    for (int i = 1; i < count; i++) {
      int at = (int) (symtab.offset() + (long) i * SYM_SIZE);
      String name = string(strtab.offset(), strtab.size(), u32(at), "symbol string table");
      int info = bytes[at + 12] & 0xFF;
      out.add(new ElfSymbol(name, u32(at + 4), u32(at + 8), info >>> 4, info & 0xF, u16(at + 14)));
    }
    return List.copyOf(out);
  }

  /** A NUL-terminated string at {@code index} inside a string table at {@code [offset, offset+size)}. */
  private String string(long offset, long size, long index, String table) {
    if (offset + size > bytes.length) {
      throw new FlmFormatException.Truncated(source, table);
    }
    if (index >= size) {
      throw new FlmFormatException.Malformed(source, "name outside the " + table);
    }
    int start = (int) (offset + index);
    int end = start;
    int limit = (int) (offset + size);
    while (end < limit && bytes[end] != 0) {
      end++;
    }
    if (end == limit) {
      throw new FlmFormatException.Malformed(source, "unterminated name in the " + table);
    }
    return new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
  }

  private int u16(int at) {
    return buf.getShort(at) & 0xFFFF;
  }

  private long u32(int at) {
    return buf.getInt(at) & 0xFFFF_FFFFL;
  }
}
