package dev.packs.flm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

// The six test algorithms cover code with and without optional entry points across two CPUs.
class AlgorithmCodecTest {
  private static FlashAlgorithm load(String name) throws IOException {
    Path file = Path.of(System.getProperty("packs.repo", "..")).resolve("test-algorithms/build").resolve(name);
    return FlmLoader.load(Files.readAllBytes(file), name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"sfc_m0_O0.flm", "sfc_m0_Os.flm", "sfc_m0_O2.flm", "sfc_m4_O0.flm", "sfc_m4_Os.flm", "sfc_m4_O2.flm"})
  void roundTripsEveryTestAlgorithm(String name) throws IOException {
    FlashAlgorithm algo = load(name);

    assertThat(AlgorithmCodec.decode(AlgorithmCodec.encode(algo))).isEqualTo(algo);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 2})
  void rejectsAnotherFormatVersionEvenWithAValidChecksum(int version) throws IOException {
    byte[] bytes = AlgorithmCodec.encode(load("sfc_m4_Os.flm"));
    ByteBuffer.wrap(bytes).putInt(4, version);
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, bytes.length - 4);
    ByteBuffer.wrap(bytes).putInt(bytes.length - 4, (int) crc.getValue());

    assertThatThrownBy(() -> AlgorithmCodec.decode(bytes))
        .isInstanceOf(IOException.class)
        .hasMessage("not a format 1 algorithm entry");
  }

  /** Even with a matching checksum, a damaged entry is an IOException, never another failure. */
  @Property(tries = 500)
  void damagedEntriesWithAValidChecksumFailOnlyWithIoException(
      @ForAll @IntRange(min = 8, max = 400) int position, @ForAll byte value) throws IOException {
    byte[] bytes = AlgorithmCodec.encode(load("sfc_m0_Os.flm"));
    int at = Math.min(position, bytes.length - 5);
    bytes[at] = value;
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, bytes.length - 4);
    ByteBuffer.wrap(bytes).putInt(bytes.length - 4, (int) crc.getValue());
    try {
      assertThat(AlgorithmCodec.decode(bytes).blob().size()).isPositive();
    } catch (IOException expected) { // the only failure allowed; anything else fails the property
      assertThat(expected).isInstanceOf(IOException.class);
    }
  }
}
