package dev.packs.flash;

import static dev.packs.flash.ImageFixtures.path;
import static dev.packs.flash.ImageFixtures.shift;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every format against the files arm-none-eabi-gcc and objcopy made of one firmware (images/build.sh). */
class ImageReaderTest {
  private static final long FLASH = 0x0800_0000L;

  @TempDir Path temp;

  @Test
  void elfHexAndSrecOfOneFirmwareReadToTheSameImage() throws Exception {
    Image elf = ImageReader.read(path("firmware.elf"), Optional.empty());

    assertThat(ImageReader.read(path("firmware.hex"), Optional.empty())).isEqualTo(elf);
    assertThat(ImageReader.read(path("firmware.srec"), Optional.empty())).isEqualTo(elf);
  }

  @Test
  void elfLoadsSegmentsAtTheirPhysicalAddressesAndSkipsRamOnlyOnes() throws Exception {
    Image elf = ImageReader.read(path("firmware.elf"), Optional.empty());

    // .text then .data at its load address in flash (not 0x20000000); .config; .calib across 0x08010000.
    // .bss and .noinit (no file bytes) and GNU_STACK (not PT_LOAD) are absent.
    assertThat(elf.segments()).hasToString("[0x08000000..0x080000B7, 0x08004000..0x08004017, 0x0800FFF0..0x0801001F]");
    assertThat(bytesAt(elf, 0x0800_009CL, 4)).containsExactly(0x78, 0x56, 0x34, 0x12); // counter = 0x12345678
    assertThat(bytesAt(elf, 0x0800_4000L, 4)).containsExactly(0xF1, 0xC0, 0xF1, 0xC0); // config.magic
    assertThat(bytesAt(elf, 0x0800_FFFEL, 4)).containsExactly(0x08, 0x08, 0x09, 0x09); // calib[7], calib[8]
  }

  @Test
  void binaryFromObjcopyIsTheImageWithItsGapsFilled() throws Exception {
    Image elf = ImageReader.read(path("firmware.elf"), Optional.empty());

    Image bin = ImageReader.read(path("firmware.bin"), Optional.of(FLASH));

    // objcopy -O binary spans the lowest to the highest byte and fills gaps (--gap-fill 0xFF).
    assertThat(bin.segments()).hasSize(1);
    Image.Segment whole = bin.segments().get(0);
    assertThat(whole.address()).isEqualTo(FLASH);
    assertThat(whole.end()).isEqualTo(elf.segments().get(elf.segments().size() - 1).end());
    byte[] filled = new byte[whole.size()];
    java.util.Arrays.fill(filled, (byte) 0xFF);
    assertThat(whole.data()).isEqualTo(elf.overlay(FLASH, filled));
  }

  @Test
  void srecWithSixteenTwentyFourAndThirtyTwoBitAddressesReadsTheMovedImage() throws Exception {
    Image moved = shift(ImageReader.read(path("firmware.elf"), Optional.empty()), -FLASH);

    // objcopy chose S2/S8 for 24-bit addresses, S3/S7 when forced, and S1/S9 below 64 KiB.
    assertThat(ImageFixtures.lines("firmware-low.s28")).anyMatch(l -> l.startsWith("S2")).anyMatch(l -> l.startsWith("S8"));
    assertThat(ImageFixtures.lines("firmware-low.s37")).anyMatch(l -> l.startsWith("S3")).anyMatch(l -> l.startsWith("S7"));
    assertThat(ImageFixtures.lines("firmware-low.s19")).anyMatch(l -> l.startsWith("S1")).anyMatch(l -> l.startsWith("S9"));
    assertThat(ImageReader.read(path("firmware-low.s28"), Optional.empty())).isEqualTo(moved);
    assertThat(ImageReader.read(path("firmware-low.s37"), Optional.empty())).isEqualTo(moved);
    Image withoutCalib = Image.of(moved.segments().subList(0, 2));
    assertThat(ImageReader.read(path("firmware-low.s19"), Optional.empty())).isEqualTo(withoutCalib);
  }

  @Test
  void rawBinaryWithoutBaseAddressAsksForOne() {
    assertThatThrownBy(() -> ImageReader.read(path("firmware.bin"), Optional.empty()))
        .isInstanceOf(FlashException.BadPlan.class)
        .hasMessage(path("firmware.bin") + " is a raw binary, which holds no addresses: give --base-address");
  }

  @Test
  void baseAddressIsIgnoredByFormatsThatCarryAddresses() throws Exception {
    assertThat(ImageReader.read(path("firmware.hex"), Optional.of(0L)))
        .isEqualTo(ImageReader.read(path("firmware.hex"), Optional.empty()));
  }

  @Test
  void formatComesFromTheContentWhenTheNameHasNoKnownExtension() throws Exception {
    Image elf = ImageReader.read(path("firmware.elf"), Optional.empty());
    for (String name : List.of("firmware.elf", "firmware.hex", "firmware.srec")) {
      Path unnamed = Files.copy(path(name), temp.resolve(name.replace('.', '_')));
      assertThat(ImageReader.read(unnamed, Optional.empty())).as(name).isEqualTo(elf);
    }
    Path data = Files.write(temp.resolve("data.img"), new byte[] {1, 2, 3});
    assertThat(ImageReader.format(data)).isEqualTo(ImageFormat.BINARY);
    assertThat(ImageReader.read(data, Optional.of(0x100L)))
        .isEqualTo(Image.of(List.of(new Image.Segment(0x100, new byte[] {1, 2, 3}))));
  }

  @Test
  void extensionWinsOverContent() throws Exception {
    // A hex file renamed .bin is flashed as the bytes it holds, as the name says.
    Path renamed = Files.copy(path("firmware.hex"), temp.resolve("firmware.BIN"));

    Image image = ImageReader.read(renamed, Optional.of(FLASH));

    assertThat(image.segments().get(0).data()).isEqualTo(ImageFixtures.bytes("firmware.hex"));
  }

  @Test
  void binaryOverTheSizeCapIsRefusedBeforeReading() throws Exception {
    Path huge = temp.resolve("huge.bin");
    try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
      file.setLength(ImageReader.MAX_IMAGE_BYTES + 1); // sparse: no disk used, and never read
    }

    assertThatThrownBy(() -> ImageReader.read(huge, Optional.of(0L)))
        .isInstanceOf(FlashException.BadImage.class)
        .hasMessage(huge + ": 268435457 bytes is more than the 256 MiB packs accepts for one image");
  }

  @Test
  void binaryRunningPastTheAddressSpaceIsRefused() throws Exception {
    Path bin = Files.write(temp.resolve("tail.bin"), new byte[0x20]);

    assertThatThrownBy(() -> ImageReader.read(bin, Optional.of(0xFFFF_FFF0L)))
        .isInstanceOf(FlashException.BadImage.class)
        .hasMessage(bin + ": 32 bytes at base address 0xFFFFFFF0 run past the end of the 32-bit address space");
  }

  @Test
  void missingFileIsNoSuchFile() {
    assertThatThrownBy(() -> ImageReader.read(temp.resolve("gone.hex"), Optional.empty()))
        .isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void emptyHexFileIsAnEmptyImage() throws Exception {
    Path hex = Files.writeString(temp.resolve("empty.hex"), ":00000001FF\n", StandardCharsets.US_ASCII);

    assertThat(ImageReader.read(hex, Optional.empty())).isEqualTo(Image.empty());
  }

  private static int[] bytesAt(Image image, long address, int length) {
    int[] out = new int[length];
    for (int i = 0; i < length; i++) {
      out[i] = image.byteAt(address + i).orElseThrow() & 0xFF;
    }
    return out;
  }

  static Path write(Path dir, String name, List<String> lines) throws IOException {
    return Files.write(dir.resolve(name), lines, StandardCharsets.US_ASCII);
  }
}
