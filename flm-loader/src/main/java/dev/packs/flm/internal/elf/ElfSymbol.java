package dev.packs.flm.internal.elf;

/** One ELF32 symbol: name, value, size, binding, type and the index of its section. */
public record ElfSymbol(String name, long value, long size, int bind, int type, int sectionIndex) {
  public static final int STB_LOCAL = 0;
  public static final int STB_GLOBAL = 1;
  public static final int STB_WEAK = 2;
  public static final int STT_NOTYPE = 0;
  public static final int STT_OBJECT = 1;
  public static final int STT_FUNC = 2;

  public boolean isGlobal() {
    return bind == STB_GLOBAL || bind == STB_WEAK;
  }
}
