package dev.packs.flash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixture ELF (5 PT_LOAD program headers from offset 52, then GNU_STACK) with one header field
 * broken per test: each malformed file fails with a message naming the file and, where one is to blame,
 * the segment.
 */
class ElfErrorsTest {
  private static final int PHOFF = 52;
  private static final int PHENT = 32;

  @TempDir Path temp;

  @Test
  void programHeaderTableOutsideTheFileIsRefused() throws Exception {
    Path elf = patched("phoff.elf", 28, 0xFFFF_FF00);

    assertBadImage(elf, ": program header table at offset 0xFFFFFF00 (6 entries of 32 bytes) lies outside the file (17492 bytes)");
  }

  @Test
  void segmentDeclaringMoreBytesThanTheFileIsRefusedWithoutAllocating() throws Exception {
    Path elf = patched("huge.elf", PHOFF + 2 * PHENT + 16, 0x7FFF_FFF0); // segment 2's p_filesz

    assertBadImage(elf, ":segment 2: its 0x7FFFFFF0 file bytes at offset 0x3000 lie outside the file (17492 bytes)");
  }

  @Test
  void segmentOverTheSizeCapIsRefusedEvenWhenTheFileHoldsIt() throws Exception {
    Path elf = patched("big.elf", PHOFF + 2 * PHENT + 16, 0x1000_0001); // 256 MiB + 1 in segment 2
    try (RandomAccessFile file = new RandomAccessFile(elf.toFile(), "rw")) {
      file.setLength(0x1100_0000L); // sparse: the declared bytes exist, but are never read
    }

    assertBadImage(elf, ":segment 2: 0x10000001 bytes is more than the 256 MiB packs accepts for one image");
  }

  @Test
  void overlappingSegmentsNameBothRanges() throws Exception {
    Path elf = patched("overlap.elf", PHOFF + 2 * PHENT + 12, 0x0800_0010); // segment 2 (.config) on .text

    assertBadImage(elf, ": overlapping data: 0x08000000..0x080000B7 (segment 0) and 0x08000010..0x08000027 (segment 2)");
  }

  @Test
  void segmentPastTheAddressSpaceIsRefused() throws Exception {
    Path elf = patched("top.elf", PHOFF + 3 * PHENT + 12, 0xFFFF_FFE0); // segment 3 (.calib, 0x30 bytes)

    assertBadImage(elf, ":segment 3: data 0xFFFFFFE0..0x10000000F runs past the end of the 32-bit address space");
  }

  @Test
  void sixtyFourBitElfIsRefused() throws Exception {
    byte[] bytes = ImageFixtures.bytes("firmware.elf");
    bytes[4] = 2;

    assertBadImage(Files.write(temp.resolve("wide.elf"), bytes), ": only 32-bit ELF files are supported (EI_CLASS 2)");
  }

  @Test
  void fileTooShortForAHeaderIsRefused() throws Exception {
    byte[] bytes = java.util.Arrays.copyOf(ImageFixtures.bytes("firmware.elf"), 40);

    assertBadImage(Files.write(temp.resolve("stub.elf"), bytes), ": 40 bytes is too short for an ELF header");
  }

  @Test
  void nonLoadAndEmptySegmentsAreIgnored() throws Exception {
    // Making segment 0 a PT_NOTE drops .text, and only .text, from the image.
    Path elf = patched("note.elf", PHOFF, 4);

    Image image = ImageReader.read(elf, Optional.empty());

    assertThat(image.segments()).hasToString("[0x0800009C..0x080000B7, 0x08004000..0x08004017, 0x0800FFF0..0x0801001F]");
  }

  private Path patched(String name, int offset, int value) throws Exception {
    byte[] bytes = ImageFixtures.bytes("firmware.elf");
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(offset, value);
    return Files.write(temp.resolve(name), bytes);
  }

  private static void assertBadImage(Path file, String rest) {
    assertThatThrownBy(() -> ImageReader.read(file, Optional.empty()))
        .isInstanceOf(FlashException.BadImage.class)
        .hasMessage(file + rest);
  }
}
