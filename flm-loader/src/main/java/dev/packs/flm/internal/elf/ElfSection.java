package dev.packs.flm.internal.elf;

/** One ELF32 section header, with its name resolved. Sizes and addresses are unsigned 32-bit. */
public record ElfSection(
    int index, String name, int type, long flags, long address, long offset, long size, long link) {
  public static final int SHT_PROGBITS = 1;
  public static final int SHT_SYMTAB = 2;
  public static final int SHT_STRTAB = 3;
  public static final int SHT_NOBITS = 8;

  /** Whether the section occupies bytes in the file. */
  public boolean hasFileData() {
    return type != SHT_NOBITS;
  }

  public long end() {
    return address + size;
  }
}
