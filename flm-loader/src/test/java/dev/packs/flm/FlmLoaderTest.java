package dev.packs.flm;

import dev.packs.flm.testdata.TestAlgorithms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class FlmLoaderTest {
  static List<String> algorithms() {
    return TestAlgorithms.names();
  }

  @Test
  void buildsAllSixTestAlgorithms() {
    assertThat(algorithms())
        .containsExactly(
            "sfc_m0_O0.flm", "sfc_m0_O2.flm", "sfc_m0_Os.flm",
            "sfc_m4_O0.flm", "sfc_m4_O2.flm", "sfc_m4_Os.flm");
  }

  // sfc_m4_Os is the smallest Cortex-M4 build; every value below was read off its readelf fixture.
  @Test
  void parsesTheWholeDeviceOfTheM4SizeBuild() {
    FlashAlgorithm algo = TestAlgorithms.load("sfc_m4_Os.flm");

    assertThat(algo.device())
        .isEqualTo(new FlashDevice(0x0101, "PACKS SFC 128KB Flash", 1, 0x0800_0000L, 0x2_0000L,
            0x400, 0xFF, 100, 3000));
    assertThat(algo.sectors())
        .containsExactly(
            new SectorRun(0x0800_0000L, 0x1000, 0x0800_8000L),
            new SectorRun(0x0800_8000L, 0x8000, 0x0802_0000L));
    assertThat(algo.sections())
        .isEqualTo(new Sections(new BlobRange(0, 0x108), new BlobRange(0x108, 8), new BlobRange(0x110, 8)));
    assertThat(algo.entryPoints())
        .isEqualTo(new EntryPoints(0x21, 0x45, 0x79, 0xA9, OptionalLong.of(0x59), OptionalLong.empty(),
            OptionalLong.of(0xED)));
    assertThat(algo.staticBase()).isEqualTo(0x108);
    assertThat(algo.blob().size()).isEqualTo(0x118);
    assertThat(algo.source()).isEqualTo("sfc_m4_Os.flm");
  }

  @ParameterizedTest
  @MethodSource("algorithms")
  void entryPointsMatchReadelfSymbolsWithTheThumbBit(String name) {
    ReadelfReference ref = ReadelfReference.of(name);
    EntryPoints entries = TestAlgorithms.load(name).entryPoints();

    assertThat(entries.init()).isEqualTo(ref.globals().get("Init"));
    assertThat(entries.unInit()).isEqualTo(ref.globals().get("UnInit"));
    assertThat(entries.eraseSector()).isEqualTo(ref.globals().get("EraseSector"));
    assertThat(entries.programPage()).isEqualTo(ref.globals().get("ProgramPage"));
    assertThat(entries.eraseChip()).hasValue(ref.globals().get("EraseChip"));
    assertThat(entries.verify()).hasValue(ref.globals().get("Verify"));
    assertThat(entries.blankCheck()).isEmpty();
    assertThat(entries.init() & 1).as("Thumb bit").isEqualTo(1);
  }

  @ParameterizedTest
  @MethodSource("algorithms")
  void sectionsMatchReadelf(String name) {
    ReadelfReference ref = ReadelfReference.of(name);
    FlashAlgorithm algo = TestAlgorithms.load(name);
    ReadelfReference.Section code = ref.section("PrgCode", "PROGBITS");
    ReadelfReference.Section data = ref.section("PrgData", "PROGBITS");
    ReadelfReference.Section bss = ref.section("PrgData", "NOBITS");

    assertThat(algo.sections())
        .isEqualTo(new Sections(new BlobRange(code.address(), code.size()),
            new BlobRange(data.address(), data.size()), new BlobRange(bss.address(), bss.size())));
    assertThat(algo.staticBase()).isEqualTo(data.address()).isEqualTo(ref.globals().get("rw_state"));
  }

  @ParameterizedTest
  @MethodSource("algorithms")
  void blobIsCodeThenDataThenZeroedBss(String name) {
    ReadelfReference ref = ReadelfReference.of(name);
    byte[] file = TestAlgorithms.bytes(name);
    byte[] blob = TestAlgorithms.load(name).blob().toByteArray();
    ReadelfReference.Section code = ref.section("PrgCode", "PROGBITS");
    ReadelfReference.Section data = ref.section("PrgData", "PROGBITS");
    ReadelfReference.Section bss = ref.section("PrgData", "NOBITS");

    assertThat(blob).hasSize((int) (bss.address() + bss.size()));
    assertThat(slice(blob, code.address(), code.size())).isEqualTo(slice(file, code.offset(), code.size()));
    assertThat(slice(blob, data.address(), data.size())).isEqualTo(slice(file, data.offset(), data.size()));
    assertThat(slice(blob, bss.address(), bss.size())).containsOnly(0);
    // The unlock keys the algorithm reads through r9 sit at the static base.
    assertThat(ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN).getInt((int) data.address()))
        .isEqualTo(0x45670123);
  }

  @ParameterizedTest
  @MethodSource("algorithms")
  void deviceMatchesTheReadelfDumpOfDevDscr(String name) {
    ByteBuffer dump = ByteBuffer.wrap(ReadelfReference.of(name).devDscr()).order(ByteOrder.LITTLE_ENDIAN);
    FlashDevice device = TestAlgorithms.load(name).device();

    assertThat(device.version()).isEqualTo(dump.getShort(0) & 0xFFFF);
    assertThat(device.name())
        .isEqualTo(new String(dump.array(), 2, 21, StandardCharsets.US_ASCII));
    assertThat(device.start()).isEqualTo(dump.getInt(132));
    assertThat(device.size()).isEqualTo(dump.getInt(136));
    assertThat(device.pageSize()).isEqualTo(dump.getInt(140));
    assertThat(device.erasedValue()).isEqualTo(dump.get(148) & 0xFF);
    assertThat(device.programTimeoutMs()).isEqualTo(dump.getInt(152));
    assertThat(device.eraseTimeoutMs()).isEqualTo(dump.getInt(156));
  }

  @Test
  void sha256IsOfTheWholeFile() throws Exception {
    byte[] file = TestAlgorithms.bytes("sfc_m0_O2.flm");
    String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));

    assertThat(FlmLoader.load(file, "x").sha256()).isEqualTo(expected);
  }

  @Test
  void doesNotModifyTheCallersBytes() {
    byte[] file = TestAlgorithms.bytes("sfc_m0_O0.flm");
    byte[] copy = file.clone();

    FlashAlgorithm algo = FlmLoader.load(file, "x");
    algo.blob().toByteArray()[0] ^= 0x7F;

    assertThat(file).isEqualTo(copy);
    assertThat(algo).isEqualTo(FlmLoader.load(copy, "x"));
  }

  @Test
  void findsTheSectorRunOfAnAddress() {
    FlashAlgorithm algo = TestAlgorithms.load("sfc_m4_O2.flm");

    assertThat(algo.sectorRunAt(0x0800_7FFFL)).map(SectorRun::size).hasValue(0x1000L);
    assertThat(algo.sectorRunAt(0x0801_0000L)).map(SectorRun::size).hasValue(0x8000L);
    assertThat(algo.sectorRunAt(0x0802_0000L)).isEmpty();
    assertThat(algo.sectors().get(1).count()).isEqualTo(3);
  }

  private static byte[] slice(byte[] bytes, long from, long size) {
    return Arrays.copyOfRange(bytes, (int) from, (int) (from + size));
  }

  /** A stream of {@code prefix} followed by zeros without end, counting what was read. */
  private static final class EndlessStream extends java.io.InputStream {
    private final byte[] prefix;
    long read;

    EndlessStream(byte[] prefix) {
      this.prefix = prefix;
    }

    @Override
    public int read() {
      return read < prefix.length ? prefix[(int) read++] & 0xFF : (int) (read++ * 0);
    }

    @Override
    public int read(byte[] b, int off, int len) {
      for (int i = 0; i < len; i++) {
        b[off + i] = (byte) read();
      }
      return len;
    }
  }

  @Test
  void streamThatIsNotAnElfIsRefusedAfterItsHeader() {
    // /dev/zero as a stream: the header alone shows it is no FLM; nothing more is read.
    EndlessStream zeros = new EndlessStream(new byte[0]);
    assertThatThrownBy(() -> FlmLoader.load(zeros, "/dev/zero"))
        .isInstanceOf(FlmFormatException.NotElf.class)
        .hasMessageStartingWith("/dev/zero: not an ELF file");
    assertThat(zeros.read).isEqualTo(52);
  }

  @Test
  void streamLongerThanTheCapIsRefusedWithoutReadingFurther() {
    // A real FLM's bytes, then zeros without end: an ELF header is no licence to read gigabytes.
    EndlessStream huge = new EndlessStream(TestAlgorithms.bytes("sfc_m4_Os.flm"));
    assertThatThrownBy(() -> FlmLoader.load(huge, "huge.flm"))
        .isInstanceOf(FlmFormatException.TooLarge.class)
        .hasMessage("huge.flm: larger than 64 MiB, far beyond any flash algorithm; not read");
    assertThat(huge.read).isEqualTo(FlmLoader.MAX_FILE_BYTES + 1);
  }

  @Test
  void streamAndBytesGiveTheSameAlgorithm() throws Exception {
    byte[] file = TestAlgorithms.bytes("sfc_m0_O2.flm");
    assertThat(FlmLoader.load(new java.io.ByteArrayInputStream(file), "a.flm")).isEqualTo(FlmLoader.load(file, "a.flm"));
  }
}
