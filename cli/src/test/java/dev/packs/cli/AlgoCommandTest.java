package dev.packs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

// Runs the real CLI in-process on the project's own compiled algorithms, from the build folder.
class AlgoCommandTest {
  private static final Path ALGORITHMS =
      Path.of(System.getProperty("packs.repo", "..")).resolve("test-algorithms/build");

  @TempDir Path temp;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(Path workingDir, String... args) {
    // An empty pack root and home, so nothing outside the test is read.
    Map<String, String> env = Map.of("CMSIS_PACK_ROOT", temp.resolve("packs").toString(),
        "HOME", temp.toString(), "XDG_CONFIG_HOME", temp.resolve("config").toString());
    Services services = new Services(env, workingDir, Clock.systemUTC(), false);
    return PacksCommand.create(new PrintWriter(out, true), new PrintWriter(err, true), services)
        .execute(args);
  }

  private int run(String... args) {
    return run(ALGORITHMS, args);
  }

  @Test
  void showPrintsTheParsedFileAsText() {
    assertThat(run("algo", "show", "sfc_m4_Os.flm")).isEqualTo(0);

    assertThat(out.toString())
        .contains("device          PACKS SFC 128KB Flash (type 1, version 0x0101)")
        .contains("flash           0x08000000..0x08020000 (128 KiB)")
        .contains("sectors         0x08000000..0x08008000  8 x 0x1000")
        .contains("                0x08008000..0x08020000  3 x 0x8000")
        .contains("Init 0x21, UnInit 0x45, EraseSector 0x79, ProgramPage 0xA9")
        .contains("EraseChip 0x59, BlankCheck absent, Verify 0xED")
        .contains("static base     0x108");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void showJsonPrintsOneObjectWithTheDocumentedKeys() throws Exception {
    assertThat(run("algo", "show", "sfc_m0_O0.flm", "--json")).isEqualTo(0);

    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.fieldNames()).toIterable()
        .containsExactly("sha256", "device", "sectors", "entryPoints", "sections", "staticBase");
    assertThat(json.get("device").get("pageSize").isIntegralNumber()).isTrue();
    assertThat(json.get("entryPoints").get("blankCheck").isNull()).isTrue();
  }

  @Test
  void showOfAMissingFileIsNotFound() {
    assertThat(run("algo", "show", "nope.flm")).isEqualTo(ExitCode.NOT_FOUND.code());
    assertThat(err.toString()).isEqualTo("packs: nope.flm: no such file" + System.lineSeparator());
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void showOfABrokenFileIsAFailureNamingTheFileAndProblem() throws Exception {
    Files.writeString(temp.resolve("readme.flm"), "this is text");

    assertThat(run(temp, "algo", "show", "readme.flm")).isEqualTo(ExitCode.FAILURE.code());
    assertThat(err.toString()).startsWith("packs: readme.flm: not an ELF file");
  }

  @Test
  void exportsProbeRsYaml() {
    assertThat(run("algo", "export", "sfc_m4_O2.flm", "--format", "probe-rs")).isEqualTo(0);

    assertThat(out.toString()).startsWith("# probe-rs target description fields")
        .contains("flash_algorithms:\n- name: \"sfc_m4_o2\"\n").contains("  pc_init: 0x");
  }

  @Test
  void exportsAPyocdDictInTheGivenRam() {
    assertThat(run("algo", "export", "sfc_m4_O2.flm", "--format", "pyocd", "--ram", "0x20000000:0x8000"))
        .isEqualTo(0);

    assertThat(out.toString()).contains("'load_address': 0x20000004,").contains("'begin_stack': 0x20008000,");
  }

  @Test
  void pyocdWithoutRamIsAUsageError() {
    assertThat(run("algo", "export", "sfc_m4_O2.flm", "--format", "pyocd")).isEqualTo(ExitCode.USAGE.code());
    assertThat(err.toString()).contains("give --ram START:SIZE");
  }

  @Test
  void aRamWindowTooSmallIsAFailureWithTheSizes() {
    assertThat(run("algo", "export", "sfc_m4_Os.flm", "--format", "json", "--ram", "0x20000000:0x400"))
        .isEqualTo(ExitCode.FAILURE.code());
    assertThat(err.toString()).contains("does not fit in RAM 0x20000000..0x20000400").contains("needs 1568 bytes");
  }

  @Test
  void anUnknownFormatIsAUsageError() {
    assertThat(run("algo", "export", "sfc_m4_O2.flm", "--format", "yaml")).isEqualTo(ExitCode.USAGE.code());
    assertThat(err.toString()).contains("unknown format 'yaml' (expected probe-rs, pyocd or json)");
  }

  @Test
  void exportOfAnUnknownTargetIsNotFound() {
    assertThat(run("algo", "export", "stm32g431kbtx", "--format", "json")).isEqualTo(ExitCode.NOT_FOUND.code());
    assertThat(err.toString()).contains("no installed device matches target 'stm32g431kbtx'");
  }

  @Test
  void showOfAHugeSparseFileFailsAtOnceWithExit1() throws Exception {
    // 3 GiB of holes: reading it whole died with OutOfMemoryError; its first bytes already say it is no ELF.
    Path huge = temp.resolve("huge.flm");
    try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
      f.setLength(3L << 30);
    }
    assertThat(run(temp, "algo", "show", "huge.flm")).isEqualTo(ExitCode.FAILURE.code());
    assertThat(err.toString()).isEqualTo("packs: huge.flm: not an ELF file (an FLM is an ELF32 little-endian ARM executable)"
        + System.lineSeparator());
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void showOfAHugeFileWithARealElfHeaderIsRefusedUnread() throws Exception {
    // A real algorithm's bytes, then holes up to 3 GiB: an ELF header is no licence to read gigabytes.
    Path huge = temp.resolve("padded.flm");
    Files.copy(ALGORITHMS.resolve("sfc_m4_Os.flm"), huge);
    try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
      f.setLength(3L << 30);
    }
    assertThat(run(temp, "algo", "show", "padded.flm")).isEqualTo(ExitCode.FAILURE.code());
    assertThat(err.toString()).isEqualTo("packs: padded.flm: larger than 64 MiB, far beyond any flash algorithm; not read"
        + System.lineSeparator());
  }

  @Test
  void showOfDevZeroIsNotAnElfFile() {
    // An endless stream: only its first 52 bytes may be read.
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(Path.of("/dev/zero")), "no /dev/zero here");
    assertThat(run(temp, "algo", "show", "/dev/zero")).isEqualTo(ExitCode.FAILURE.code());
    assertThat(err.toString()).startsWith("packs: /dev/zero: not an ELF file");
  }

  @Test
  void showOfAFolderSaysItCannotBeRead() throws Exception {
    Files.createDirectories(temp.resolve("algos.flm"));
    assertThat(run(temp, "algo", "show", "algos.flm")).isEqualTo(ExitCode.FAILURE.code());
    assertThat(err.toString()).isEqualTo("packs: algos.flm: cannot read: Is a directory" + System.lineSeparator());
  }
}
