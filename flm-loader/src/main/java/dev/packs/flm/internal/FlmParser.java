package dev.packs.flm.internal;

import dev.packs.flm.Blob;
import dev.packs.flm.BlobRange;
import dev.packs.flm.EntryPoints;
import dev.packs.flm.FlashAlgorithm;
import dev.packs.flm.FlmFormatException;
import dev.packs.flm.Sections;
import dev.packs.flm.internal.elf.ElfFile;
import dev.packs.flm.internal.elf.ElfSection;
import dev.packs.flm.internal.elf.ElfSymbol;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * FLM bytes to a {@link FlashAlgorithm}: finds PrgCode, PrgData and the zero-initialised PrgData,
 * builds the blob, reads the entry points and the FlashDevice.
 */
public final class FlmParser {
  /** No real algorithm comes near this; it keeps a hostile NOBITS size from exhausting memory. */
  public static final long MAX_BLOB_SIZE = 16L << 20;

  private FlmParser() {}

  public static FlashAlgorithm parse(byte[] bytes, String source) {
    String sha256 = sha256(bytes);
    ElfFile elf = ElfFile.parse(bytes, source);
    ElfSection code =
        find(elf, "PrgCode", ElfSection.SHT_PROGBITS, source)
            .orElseThrow(() -> new FlmFormatException.MissingSection(source, "PrgCode"));
    if (code.address() != 0) {
      throw new FlmFormatException.CodeNotAtZero(source, code.address());
    }
    Optional<ElfSection> data = find(elf, "PrgData", ElfSection.SHT_PROGBITS, source);
    Optional<ElfSection> bss = find(elf, "PrgData", ElfSection.SHT_NOBITS, source);
    Sections sections = sections(code, data, bss, source);
    Blob blob = blob(elf, code, data, sections, source);
    EntryPoints entries = entryPoints(elf, sections.code(), source);
    DeviceReader.Result device = DeviceReader.read(elf, source);
    return new FlashAlgorithm(
        source,
        sha256,
        device.device(),
        device.sectors(),
        entries,
        sections,
        sections.data().offset(),
        blob);
  }

  private static Optional<ElfSection> find(ElfFile elf, String name, int type, String source) {
    Optional<ElfSection> found = Optional.empty();
    for (ElfSection s : elf.sections()) {
      if (s.name().equals(name) && s.type() == type) {
        if (found.isPresent()) {
          String kind = type == ElfSection.SHT_NOBITS ? " (NOBITS)" : " (PROGBITS)";
          throw new FlmFormatException.DuplicateSection(source, name + kind);
        }
        found = Optional.of(s);
      }
    }
    return found;
  }

  private static Sections sections(
      ElfSection code, Optional<ElfSection> data, Optional<ElfSection> bss, String source) {
    BlobRange codeRange = range(code, source);
    BlobRange dataRange = data.map(s -> range(s, source)).orElse(new BlobRange(codeRange.end(), 0));
    BlobRange bssRange = bss.map(s -> range(s, source)).orElse(new BlobRange(dataRange.end(), 0));
    check(codeRange, "PrgCode", dataRange, "PrgData", source);
    check(codeRange, "PrgCode", bssRange, "PrgData (NOBITS)", source);
    check(dataRange, "PrgData", bssRange, "PrgData (NOBITS)", source);
    Sections sections = new Sections(codeRange, dataRange, bssRange);
    if (sections.end() > MAX_BLOB_SIZE) {
      throw new FlmFormatException.Malformed(
          source, String.format("algorithm image of 0x%X bytes is implausibly large", sections.end()));
    }
    return sections;
  }

  private static BlobRange range(ElfSection s, String source) {
    if (s.address() + s.size() > 0x1_0000_0000L) {
      throw new FlmFormatException.Malformed(
          source, "section " + s.name() + " runs past the 32-bit address space");
    }
    return new BlobRange(s.address(), s.size());
  }

  private static void check(BlobRange a, String aName, BlobRange b, String bName, String source) {
    if (a.overlaps(b)) {
      throw new FlmFormatException.OverlappingSections(source, aName, bName);
    }
  }

  private static Blob blob(
      ElfFile elf, ElfSection code, Optional<ElfSection> data, Sections sections, String source) {
    byte[] blob = new byte[(int) sections.end()];
    copy(elf, code, blob, "PrgCode");
    if (data.isPresent()) {
      copy(elf, data.get(), blob, "PrgData");
    }
    return Blob.of(blob);
  }

  private static void copy(ElfFile elf, ElfSection s, byte[] into, String what) {
    byte[] bytes = elf.read(s, 0, s.size(), "section " + what);
    System.arraycopy(bytes, 0, into, (int) s.address(), bytes.length);
  }

  private static EntryPoints entryPoints(ElfFile elf, BlobRange code, String source) {
    return new EntryPoints(
        required(elf, "Init", code, source),
        required(elf, "UnInit", code, source),
        required(elf, "EraseSector", code, source),
        required(elf, "ProgramPage", code, source),
        optional(elf, "EraseChip", code, source),
        optional(elf, "BlankCheck", code, source),
        optional(elf, "Verify", code, source));
  }

  private static long required(ElfFile elf, String name, BlobRange code, String source) {
    OptionalLong value = optional(elf, name, code, source);
    return value.orElseThrow(() -> new FlmFormatException.MissingSymbol(source, name));
  }

  private static OptionalLong optional(ElfFile elf, String name, BlobRange code, String source) {
    Optional<ElfSymbol> symbol = elf.symbol(name);
    if (symbol.isEmpty()) {
      return OptionalLong.empty();
    }
    long value = symbol.get().value();
    if ((value & ~1L) >= code.end()) {
      throw new FlmFormatException.EntryOutsideCode(source, name, value, code.size());
    }
    return OptionalLong.of(value);
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
