package dev.packs.flm;

import dev.packs.flm.testdata.TestAlgorithms;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

// Each case starts from sfc_m4_Os.flm (a good file) and breaks exactly one thing.
class MalformedFlmTest {
  private static final String GOOD = "sfc_m4_Os.flm";
  private static final int PROGBITS = 1;
  private static final int NOBITS = 8;

  private final ElfSurgery elf = ElfSurgery.of(GOOD);

  private static org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> loading(byte[] bytes) {
    return assertThatThrownBy(() -> FlmLoader.load(bytes, "broken.flm"));
  }

  @Test
  void rejectsAnEmptyFileAsNotElf() {
    loading(new byte[0])
        .isInstanceOf(FlmFormatException.NotElf.class)
        .hasMessage("broken.flm: not an ELF file (an FLM is an ELF32 little-endian ARM executable)");
  }

  @Test
  void rejectsAZipAsNotElf() {
    loading("PK\u0003\u0004 a pack, not an algorithm".getBytes(StandardCharsets.ISO_8859_1))
        .isInstanceOf(FlmFormatException.NotElf.class);
  }

  @Test
  void rejectsAFileCutInsideTheElfHeader() {
    loading(elf.truncatedTo(40))
        .isInstanceOf(FlmFormatException.Truncated.class)
        .hasMessage("broken.flm: truncated FLM: the file ends inside the ELF header");
  }

  @Test
  void rejectsAFileCutBeforeItsSectionHeaders() {
    loading(elf.truncatedTo(elf.sectionHeader(0) + 10))
        .isInstanceOf(FlmFormatException.Truncated.class)
        .hasMessageContaining("section header table");
  }

  @Test
  void rejectsASectionWhoseDataRunsPastTheEnd() {
    int code = elf.sectionHeader(elf.section("PrgCode", PROGBITS));
    loading(elf.setU32(code + 20, 0x10_0000).bytes())
        .isInstanceOf(FlmFormatException.Truncated.class)
        .hasMessageContaining("data of section 1");
  }

  @Test
  void rejectsElf64() {
    loading(elf.setByte(4, 2).bytes())
        .isInstanceOf(FlmFormatException.WrongClass.class)
        .hasMessage("broken.flm: not an FLM: expected ELF32 little-endian, found ELF64");
  }

  @Test
  void rejectsBigEndian() {
    loading(elf.setByte(5, 2).bytes())
        .isInstanceOf(FlmFormatException.WrongClass.class)
        .hasMessageContaining("found big-endian ELF32");
  }

  @Test
  void rejectsAnotherMachine() {
    loading(elf.setU16(18, 243).bytes())
        .isInstanceOfSatisfying(FlmFormatException.WrongMachine.class,
            e -> org.assertj.core.api.Assertions.assertThat(e.machine()).isEqualTo(243))
        .hasMessage("broken.flm: not an ARM FLM: ELF machine is 243, expected 40 (ARM)");
  }

  @Test
  void rejectsAMissingRequiredEntryPoint() {
    loading(elf.renameString("ProgramPage", "ProgramPagX").bytes())
        .isInstanceOf(FlmFormatException.MissingSymbol.class)
        .hasMessage("broken.flm: missing symbol 'ProgramPage'");
  }

  @Test
  void acceptsAMissingOptionalEntryPoint() {
    FlashAlgorithm algo = FlmLoader.load(elf.renameString("EraseChip", "EraseChiX").bytes(), "x");
    org.assertj.core.api.Assertions.assertThat(algo.entryPoints().eraseChip()).isEmpty();
  }

  @Test
  void rejectsAMissingFlashDevice() {
    loading(elf.renameString("FlashDevice", "FlashDevicX").renameString("DevDscr", "DevDscX").bytes())
        .isInstanceOf(FlmFormatException.MissingSymbol.class)
        .hasMessage("broken.flm: missing symbol 'FlashDevice'");
  }

  @Test
  void readsTheDevDscrSectionWhenTheFlashDeviceSymbolIsMissing() {
    FlashAlgorithm algo = FlmLoader.load(elf.renameString("FlashDevice", "FlashDevicX").bytes(), "x");

    org.assertj.core.api.Assertions.assertThat(algo.device())
        .isEqualTo(TestAlgorithms.load(GOOD).device());
  }

  @Test
  void rejectsAMissingPrgCode() {
    loading(elf.renameString("PrgCode", "PrgCodX").bytes())
        .isInstanceOf(FlmFormatException.MissingSection.class)
        .hasMessage("broken.flm: missing section 'PrgCode'");
  }

  @Test
  void rejectsAFileWithoutSymbolTable() {
    int symtab = elf.sectionHeader(elf.section(".symtab", 2));
    loading(elf.setU32(symtab + 4, 0x7000_0001L).bytes())
        .isInstanceOf(FlmFormatException.MissingSection.class)
        .hasMessage("broken.flm: missing section '.symtab'");
  }

  @Test
  void rejectsPrgCodeNotAtZero() {
    int code = elf.sectionHeader(elf.section("PrgCode", PROGBITS));
    loading(elf.setU32(code + 12, 0x100).bytes())
        .isInstanceOf(FlmFormatException.CodeNotAtZero.class)
        .hasMessage("broken.flm: PrgCode must start at 0x00000000, found 0x00000100");
  }

  @Test
  void rejectsDataOverlappingCode() {
    int data = elf.sectionHeader(elf.section("PrgData", PROGBITS));
    loading(elf.setU32(data + 12, 0x10).bytes())
        .isInstanceOf(FlmFormatException.OverlappingSections.class)
        .hasMessage("broken.flm: sections PrgCode and PrgData overlap");
  }

  @Test
  void rejectsBssOverlappingData() {
    int bss = elf.sectionHeader(elf.section("PrgData", NOBITS));
    int dataStart = elf.u32(elf.sectionHeader(elf.section("PrgData", PROGBITS)) + 12);
    loading(elf.setU32(bss + 12, dataStart + 4).bytes())
        .isInstanceOf(FlmFormatException.OverlappingSections.class)
        .hasMessage("broken.flm: sections PrgData and PrgData (NOBITS) overlap");
  }

  @Test
  void rejectsTwoPrgCodeSections() {
    int devDscr = elf.sectionHeader(elf.section("DevDscr", PROGBITS));
    int code = elf.sectionHeader(elf.section("PrgCode", PROGBITS));
    loading(elf.setU32(devDscr, elf.u32(code)).bytes())
        .isInstanceOf(FlmFormatException.DuplicateSection.class)
        .hasMessage("broken.flm: section 'PrgCode (PROGBITS)' appears more than once");
  }

  @Test
  void rejectsASectorListWithoutTerminator() {
    int terminator = elf.sectionData("DevDscr", PROGBITS) + 160 + 2 * 8;
    loading(elf.setU32(terminator, 0x8000).setU32(terminator + 4, 0x1_0000).bytes())
        .isInstanceOf(FlmFormatException.UnterminatedSectorList.class)
        .hasMessage("broken.flm: FlashDevice sector list has no 0xFFFFFFFF, 0xFFFFFFFF terminator");
  }

  @Test
  void rejectsSectorOffsetsThatDoNotIncrease() {
    int second = elf.sectionData("DevDscr", PROGBITS) + 160 + 8;
    loading(elf.setU32(second + 4, 0).bytes())
        .isInstanceOf(FlmFormatException.BadSectorList.class)
        .hasMessageContaining("sectors at offset 0x0 end at 0x0");
  }

  // Found by the fuzzer: a sector offset past 4 GiB from the device start used to escape as an
  // IllegalArgumentException from SectorRun instead of a typed error.
  @Test
  void rejectsSectorsBeyondTheAddressSpace() {
    int second = elf.sectionData("DevDscr", PROGBITS) + 160 + 8;
    loading(elf.setU32(second + 4, 0xF900_0000L).bytes())
        .isInstanceOf(FlmFormatException.BadSectorList.class)
        .hasMessageContaining("beyond the 32-bit address space");
  }

  @Test
  void rejectsAZeroSectorSize() {
    int first = elf.sectionData("DevDscr", PROGBITS) + 160;
    loading(elf.setU32(first, 0).bytes())
        .isInstanceOf(FlmFormatException.BadSectorList.class)
        .hasMessage("broken.flm: bad FlashDevice sector list: sector size 0 at offset 0x0");
  }

  @Test
  void rejectsAnEntryPointOutsideTheCode() {
    loading(elf.setU32(elf.symbolValue("Init"), 0x4001).bytes())
        .isInstanceOf(FlmFormatException.EntryOutsideCode.class)
        .hasMessage("broken.flm: entry point 'Init' at 0x00004001 is outside PrgCode (size 0x108)");
  }

  @Test
  void rejectsAFlashDeviceCutByItsSection() {
    int devDscr = elf.sectionHeader(elf.section("DevDscr", PROGBITS));
    loading(elf.setU32(devDscr + 20, 100).bytes())
        .isInstanceOf(FlmFormatException.Truncated.class)
        .hasMessage("broken.flm: truncated FLM: the file ends inside the FlashDevice");
  }

  @Test
  void acceptsAFileWithoutInitialisedData() {
    int data = elf.sectionHeader(elf.section("PrgData", PROGBITS));
    FlashAlgorithm algo = FlmLoader.load(elf.setU32(data + 4, 0x7000_0003L).bytes(), "x");

    org.assertj.core.api.Assertions.assertThat(algo.sections())
        .isEqualTo(new Sections(new BlobRange(0, 0x108), new BlobRange(0x108, 0), new BlobRange(0x110, 8)));
    org.assertj.core.api.Assertions.assertThat(algo.staticBase()).isEqualTo(0x108);
    org.assertj.core.api.Assertions.assertThat(algo.blob().size()).isEqualTo(0x118);
  }

  @Test
  void acceptsAFileWithoutZeroInitialisedData() {
    int bss = elf.sectionHeader(elf.section("PrgData", NOBITS));
    FlashAlgorithm algo = FlmLoader.load(elf.setU32(bss + 4, 0x7000_0003L).bytes(), "x");

    org.assertj.core.api.Assertions.assertThat(algo.sections().bss()).isEqualTo(new BlobRange(0x110, 0));
    org.assertj.core.api.Assertions.assertThat(algo.blob().size()).isEqualTo(0x110);
  }

  @Test
  void rejectsASectionNameTableIndexOutOfRange() {
    loading(elf.setU16(50, 200).bytes())
        .isInstanceOf(FlmFormatException.Malformed.class)
        .hasMessageContaining("section name table index 200");
  }

  @Test
  void rejectsASymbolNameOutsideTheStringTable() {
    loading(elf.setU32(elf.symbolValue("Init") - 4, 0x7FFF_0000L).bytes())
        .isInstanceOf(FlmFormatException.Malformed.class)
        .hasMessage("broken.flm: malformed FLM: name outside the symbol string table");
  }

  @Test
  void rejectsAnImplausiblyLargeZeroInitialisedSection() {
    int bss = elf.sectionHeader(elf.section("PrgData", NOBITS));
    loading(elf.setU32(bss + 20, 0x4000_0000L).bytes())
        .isInstanceOf(FlmFormatException.Malformed.class)
        .hasMessageContaining("implausibly large");
  }

  @Test
  void treatsAnUndefinedSymbolAsMissing() {
    loading(elf.setU16(elf.symbolValue("UnInit") + 10, 0).bytes())
        .isInstanceOf(FlmFormatException.MissingSymbol.class)
        .hasMessage("broken.flm: missing symbol 'UnInit'");
  }

  @Test
  void rejectsAFlashDeviceThatCoversTheSystemSpaceNamingTheField() {
    // The attack's FlashDevice: DevAdr 0, szDev 0xFFFFFFFF loaded, then made 'emulate' exit 2 naming no file.
    int device = elf.sectionData("DevDscr", PROGBITS);
    loading(elf.setU32(device + 132, 0).setU32(device + 136, 0xFFFF_FFFFL).bytes())
        .isInstanceOfSatisfying(FlmFormatException.BadFlashDevice.class, e -> {
          org.assertj.core.api.Assertions.assertThat(e.field()).isEqualTo("szDev");
          org.assertj.core.api.Assertions.assertThat(e.source()).isEqualTo("broken.flm");
        })
        .hasMessage("broken.flm: FlashDevice szDev 0xFFFFFFFF: the flash 0x00000000..0xFFFFFFFE would reach into"
            + " the Cortex-M system space at 0xE0000000");
  }

  @Test
  void rejectsAFlashDeviceStartingInTheSystemSpace() {
    int device = elf.sectionData("DevDscr", PROGBITS);
    loading(elf.setU32(device + 132, 0xE000_ED00L).setU32(device + 136, 0x100).bytes())
        .isInstanceOfSatisfying(FlmFormatException.BadFlashDevice.class, e ->
            org.assertj.core.api.Assertions.assertThat(e.field()).isEqualTo("DevAdr"));
  }
}
